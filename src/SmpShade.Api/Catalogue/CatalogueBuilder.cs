using System.Globalization;
using SmpShade.Api.Infrastructure;
using SmpShade.Colour;

namespace SmpShade.Api.Catalogue;

/// <summary>The cells of one row as text, whatever the file format (JSON numbers arrive as their raw text).</summary>
public sealed record RowFields(
    string? Sku, string? Name, string? Line, string? Base, string? L, string? A, string? B,
    string? Illuminant, string? Observer, IReadOnlyList<string?>? WaterParts, IReadOnlyList<string?>? Reflectance,
    string? Scattering = null);

/// <summary>
/// Validates rows one by one, collecting every error rather than stopping at the first, so a supplier can fix a
/// whole file in one go. The import stores nothing unless <see cref="Errors"/> stays empty.
/// </summary>
/// <param name="maxPigments">Most rows accepted; one more ends the read with 422 <c>catalogue.too_many_pigments</c>.</param>
/// <param name="maxDilutionSteps">Most water_parts values per row; more is a row error.</param>
public sealed class CatalogueBuilder(int maxPigments = int.MaxValue, int maxDilutionSteps = int.MaxValue)
{
    /// <summary>Most errors listed in one answer; the count says how many there were in all.</summary>
    public const int MaxListedErrors = 1000;
    public const int ReflectanceCount = 31; // 400–700 nm every 10 nm
    public const double MaxWaterParts = 100;

    /// <summary>Bounds of a pigment's own scattering S at 550 nm, cm⁻¹ per unit volume fraction (rutile white ≈ 10⁵; docs/science.md §4).</summary>
    public const double MinScattering = 1, MaxScattering = 1e6;

    private readonly HashSet<string> skus = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RowError> errors = [];

    public List<ParsedPigment> Pigments { get; } = [];

    public IReadOnlyList<RowError> Errors => errors;

    public int ErrorCount { get; private set; }

    public int RowCount { get; private set; }

    /// <summary>True once any row stated an illuminant; a catalogue where none does is rejected as a whole.</summary>
    public bool AnyIlluminant { get; private set; }

    /// <summary>What the file says of the specular component (<see cref="SpecularComponent"/>), or null when it does not say.</summary>
    public string? Specular { get; private set; }

    /// <summary>
    /// Records what a row (a CxF object's colour specification) says of the specular component; a catalogue is one
    /// measurement mode, so a row that says otherwise than an earlier one is a row error.
    /// </summary>
    public void StateSpecular(int row, string specular)
    {
        if (Specular is null)
        {
            Specular = specular;
        }
        else if (Specular != specular)
        {
            AddError(row, "specular", $"measured with the specular component {specular}, but earlier rows {Specular}: one catalogue is one measurement mode");
        }
    }

    public void AddError(int row, string column, string reason)
    {
        ErrorCount++;
        if (errors.Count < MaxListedErrors)
        {
            errors.Add(new RowError(row, column, reason));
        }
    }

    public void Add(int row, RowFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (++RowCount > maxPigments)
        {
            // Stop reading at once: nothing after this row can make the file acceptable.
            throw CatalogueProblems.Invalid("catalogue.too_many_pigments", "The catalogue has too many pigments.",
                $"At most {maxPigments} pigments per catalogue (Catalogue:MaxPigments); split it by line or supplier.");
        }

        int before = ErrorCount;
        string? sku = Text(row, "sku", f.Sku, 64, required: true);
        if (sku is not null && !skus.Add(sku))
        {
            AddError(row, "sku", $"duplicate sku '{sku}' (each sku appears once per catalogue)");
        }

        string? name = Text(row, "name", f.Name, 200, required: true);
        string? line = Text(row, "line", f.Line, 100, required: false);
        var pigmentBase = PigmentBases.Parse(f.Base);
        if (pigmentBase is null)
        {
            AddError(row, "base", string.IsNullOrWhiteSpace(f.Base) ? "missing; one of carbon, iron-oxide, organic, mixed" : $"'{f.Base}' is not one of carbon, iron-oxide, organic, mixed");
        }

        double? l = Number(row, "l", f.L, 0, 100);
        double? a = Number(row, "a", f.A, -128, 128);
        double? b = Number(row, "b", f.B, -128, 128);
        var white = Illuminant(row, f.Illuminant);
        int? observer = Observer(row, f.Observer);
        double[]? ladder = Ladder(row, f.WaterParts);
        double[]? reflectance = Reflectance(row, f.Reflectance);
        double? scattering = string.IsNullOrWhiteSpace(f.Scattering) ? null : Number(row, "scattering", f.Scattering, MinScattering, MaxScattering);
        if (ErrorCount > before)
        {
            return;
        }

        var measured = new Lab(l!.Value, a!.Value, b!.Value);
        // Catalogue values under D50 (ICC, most spectrophotometers) become D65 with Bradford (docs/api.md, "Conventions" and "Catalogues").
        var d65 = white!.Value.Name == WhitePoint.D65.Name ? measured : measured.Adapt(white.Value, WhitePoint.D65);
        Pigments.Add(new ParsedPigment(sku!, name!, line, pigmentBase!.Value, d65, white.Value.Name, observer!.Value, measured, ladder!, reflectance, scattering));
    }

    private string? Text(int row, string column, string? value, int maxLength, bool required)
    {
        string? text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            AddError(row, column, "missing");
        }
        else if (text is not null && text.Length > maxLength)
        {
            AddError(row, column, $"longer than {maxLength} characters");
        }
        else if (text is not null && InvisibleCharacters.FindIn(text) is { } hidden)
        {
            AddError(row, column, $"contains the control or bidirectional formatting character {InvisibleCharacters.Describe(hidden)}; " +
                "text may hold visible characters only");
        }

        return text;
    }

    private double? Number(int row, string column, string? text, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            AddError(row, column, "missing");
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            AddError(row, column, $"'{Clip(text)}' is not a number");
            return null;
        }

        if (!double.IsFinite(value))
        {
            AddError(row, column, $"'{Clip(text.Trim())}' is not a finite number");
            return null;
        }

        if (value < min || value > max)
        {
            AddError(row, column, $"{Clip(text.Trim())} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    private WhitePoint? Illuminant(int row, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            AddError(row, "illuminant", "missing; values without measurement conditions cannot be compared (D50 or D65)");
            return null;
        }

        AnyIlluminant = true;
        switch (text.Trim().ToUpperInvariant())
        {
            case CatalogueIlluminants.D50:
                return WhitePoint.D50;
            case CatalogueIlluminants.D65:
                return WhitePoint.D65;
            default:
                AddError(row, "illuminant", $"'{Clip(text)}' is not D50 or D65");
                return null;
        }
    }

    private int? Observer(int row, string? text)
    {
        // Not stated: the CIE 1931 2° observer, the one the service works in (docs/api.md, "Conventions").
        string value = string.IsNullOrWhiteSpace(text) ? "2" : text.Trim().TrimEnd('°');
        if (value is "2" or "10")
        {
            return value == "2" ? 2 : 10;
        }

        AddError(row, "observer", $"'{Clip(text!)}' is not 2 or 10");
        return null;
    }

    private double[]? Ladder(int row, IReadOnlyList<string?>? parts)
    {
        const string column = "water_parts";
        if (parts is null || parts.Count == 0 || parts.All(string.IsNullOrWhiteSpace))
        {
            AddError(row, column, "missing; e.g. 0;3;6;12;20");
            return null;
        }

        if (parts.Count > maxDilutionSteps)
        {
            AddError(row, column, $"{parts.Count} dilution steps; at most {maxDilutionSteps} (Catalogue:MaxDilutionSteps)");
            return null;
        }

        var values = new double[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            if (!double.TryParse(parts[i]?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                || !double.IsFinite(values[i]) || values[i] < 0 || values[i] > MaxWaterParts)
            {
                AddError(row, column, $"'{Clip(parts[i] ?? "null")}' is not a number of water parts in 0..{MaxWaterParts}");
                return null;
            }

            if (i > 0 && values[i] <= values[i - 1])
            {
                AddError(row, column, "must ascend without repeats (e.g. 0;3;6;12;20)");
                return null;
            }
        }

        return values;
    }

    private double[]? Reflectance(int row, IReadOnlyList<string?>? cells)
    {
        if (cells is null || cells.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        if (cells.Count != ReflectanceCount)
        {
            AddError(row, "reflectance", $"{cells.Count} values; needs {ReflectanceCount} (400–700 nm every 10 nm)");
            return null;
        }

        var values = new double[ReflectanceCount];
        for (int i = 0; i < ReflectanceCount; i++)
        {
            string column = $"r{400 + (10 * i)}";
            if (!double.TryParse(cells[i]?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                || !double.IsFinite(values[i]) || values[i] < 0 || values[i] > 1)
            {
                AddError(row, column, string.IsNullOrWhiteSpace(cells[i]) ? "missing (give all 31 reflectance values or none)" : $"'{Clip(cells[i]!)}' is not a reflectance factor in 0..1");
                return null;
            }
        }

        return values;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>The illuminants a catalogue's colours may be measured under (D50 values are adapted to D65 with Bradford).</summary>
[Infrastructure.WireVocabulary("CatalogueIlluminant", "The illuminant a catalogue's colours were measured under: `D50` (adapted to D65 with Bradford) or `D65`. Any case is accepted.")]
public static class CatalogueIlluminants
{
    public const string D50 = "D50", D65 = "D65";

    public static IReadOnlyList<string> All { get; } = [D50, D65];
}
