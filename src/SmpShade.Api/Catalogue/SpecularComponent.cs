namespace SmpShade.Api.Catalogue;

/// <summary>
/// Whether a catalogue's colours were measured with the specular component included (SCI, d/8 sphere instruments'
/// default, what the service has always assumed) or excluded (SCE, or a 45°/0° instrument, which does not collect the
/// gloss). SCE readings are brought to SCI before the ink optics are derived (docs/science.md §4): without that, an SCE
/// black at or below L* ≈ 20 reads below the drawdown's surface reflection and became a perfect absorber.
/// </summary>
[Infrastructure.WireVocabulary("SpecularComponent", "How a catalogue's colours were measured: specular component `included` (SCI, the default) or `excluded` (SCE). Requests also take `SCI` and `SCE`, in any case.")]
public static class SpecularComponent
{
    public const string Included = "included", Excluded = "excluded";

    /// <summary>Both modes as answers spell them.</summary>
    public static IReadOnlyList<string> All { get; } = [Included, Excluded];

    /// <summary>What a catalogue that does not say is taken to be.</summary>
    public const string Default = Included;

    /// <summary>"included" | "sci" → included, "excluded" | "sce" → excluded (any case); anything else null.</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Included or "sci" => Included,
        Excluded or "sce" => Excluded,
        _ => null,
    };

    /// <summary>The accepted spellings, for error messages.</summary>
    public const string Accepted = "included (SCI) or excluded (SCE)";

    /// <summary>400 <c>catalogue.specular_invalid</c> for the request's <c>specular</c> parameter.</summary>
    public static Infrastructure.ProblemException Invalid(string? given, int status = StatusCodes.Status400BadRequest) =>
        CatalogueProblems.Invalid("catalogue.specular_invalid", "Unknown specular component.",
            $"specular must be {Accepted}; got '{given}'.", status: status);
}
