using System.Text.Json;

namespace SmpShade.Api.Catalogue;

/// <summary>
/// Reads a catalogue as JSON:
/// <c>{"illuminant": "D50", "observer": 2, "specular"?: "included" | "excluded", "pigments": [{"sku", "name", "line", "base", "lab": {"l","a","b"},
/// "waterParts": [0,3,6], "reflectance": [31 values], "scattering"?, "illuminant"?, "observer"?}]}</c>.
/// The top-level illuminant/observer apply to every pigment that does not state its own. Property names are
/// case-insensitive; unknown properties are rejected, all listed at once.
/// </summary>
public static class JsonCatalogueReader
{
    private static readonly string[] TopFields = ["illuminant", "observer", "specular", "pigments"];
    private static readonly string[] PigmentFields = ["sku", "name", "line", "base", "lab", "illuminant", "observer", "waterParts", "reflectance", "scattering"];
    private static readonly string[] LabFields = ["l", "a", "b"];
    private static readonly string[] TextFields = ["sku", "name", "line", "base", "illuminant"];

    public static async Task ReadAsync(Stream body, CatalogueBuilder builder, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException error)
        {
            throw CatalogueProblems.Invalid("catalogue.json_invalid", "The catalogue is not valid JSON.", error.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw CatalogueProblems.Invalid("catalogue.json_invalid", "The catalogue must be a JSON object with a pigments array.");
            }

            var unknown = new List<string>();
            var repeated = new List<string>();
            Unknown(root, TopFields, "", unknown, repeated);
            ThrowIfRepeated(repeated);
            var top = Props(root);
            if (!top.TryGetValue("pigments", out var pigments) || pigments.ValueKind != JsonValueKind.Array || pigments.GetArrayLength() == 0)
            {
                throw CatalogueProblems.Invalid("catalogue.empty", "The catalogue is empty.", "pigments must be a non-empty array.");
            }

            if (top.TryGetValue("specular", out var specular))
            {
                string? text = specular.ValueKind == JsonValueKind.String ? specular.GetString() : specular.GetRawText();
                builder.StateSpecular(0, SpecularComponent.Parse(specular.ValueKind == JsonValueKind.String ? text : null)
                    ?? throw SpecularComponent.Invalid(text, StatusCodes.Status422UnprocessableEntity));
            }

            string? illuminant = Scalar(top.GetValueOrDefault("illuminant"));
            string? observer = Scalar(top.GetValueOrDefault("observer"));
            int row = 0;
            foreach (var pigment in pigments.EnumerateArray())
            {
                row++;
                if (pigment.ValueKind != JsonValueKind.Object)
                {
                    builder.AddError(row, "*", "each pigment must be a JSON object");
                    continue;
                }

                Unknown(pigment, PigmentFields, $"pigments[{row - 1}].", unknown, repeated);
                var p = Props(pigment);
                if (!TextFieldsAreScalars(builder, row, p))
                {
                    continue;
                }

                var lab = p.GetValueOrDefault("lab");
                var labProps = lab.ValueKind == JsonValueKind.Object ? Props(lab) : [];

                builder.Add(row, new RowFields(
                    Scalar(p.GetValueOrDefault("sku")), Scalar(p.GetValueOrDefault("name")), Scalar(p.GetValueOrDefault("line")),
                    Scalar(p.GetValueOrDefault("base")),
                    Scalar(labProps.GetValueOrDefault("l")), Scalar(labProps.GetValueOrDefault("a")), Scalar(labProps.GetValueOrDefault("b")),
                    Scalar(p.GetValueOrDefault("illuminant")) ?? illuminant,
                    Scalar(p.GetValueOrDefault("observer")) ?? observer,
                    List(p.GetValueOrDefault("waterParts")),
                    List(p.GetValueOrDefault("reflectance")),
                    Scalar(p.GetValueOrDefault("scattering"))));
            }

            ThrowIfRepeated(repeated);
            if (unknown.Count > 0)
            {
                throw CatalogueProblems.Invalid("catalogue.fields_unknown", "The catalogue has fields the service does not know.",
                    "Pigment fields: sku, name, line, base, lab {l, a, b}, illuminant, observer, waterParts, reflectance, scattering.", "fields", unknown);
            }
        }
    }

    /// <summary>
    /// A text field given as an object, array or true/false is a client's mistake, not a name: without this check
    /// <c>"name": ["x"]</c> was stored as the text <c>["x"]</c>. Numbers stay accepted (a numeric sku is plausible).
    /// </summary>
    private static bool TextFieldsAreScalars(CatalogueBuilder builder, int row, Dictionary<string, JsonElement> p)
    {
        bool ok = true;
        foreach (string field in TextFields)
        {
            var kind = p.GetValueOrDefault(field).ValueKind;
            if (kind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.True or JsonValueKind.False)
            {
                builder.AddError(row, field, $"must be a JSON string, not {kind.ToString().ToLowerInvariant()}");
                ok = false;
            }
        }

        return ok;
    }

    private static Dictionary<string, JsonElement> Props(JsonElement element)
    {
        var props = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            props[property.Name] = property.Value;
        }

        return props;
    }

    /// <summary>
    /// A property given twice (names compare case-insensitively, as they are read): the last one used to win silently,
    /// so <c>{"l": 20, "l": 90}</c> stored 90 and a second <c>"pigments"</c> replaced the first list.
    /// </summary>
    private static void ThrowIfRepeated(List<string> repeated)
    {
        if (repeated.Count > 0)
        {
            throw CatalogueProblems.Invalid("catalogue.fields_repeated", "The catalogue gives some fields twice.",
                "Give each field once per object.", "fields", repeated);
        }
    }

    /// <summary>Lists unknown and repeated properties in document order, looking inside a pigment's <c>lab</c> where it appears.</summary>
    private static void Unknown(JsonElement element, string[] known, string path, List<string> unknown, List<string> repeated)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                repeated.Add(path + property.Name);
            }

            if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                unknown.Add(path + property.Name);
            }
            else if (known == PigmentFields && property.Value.ValueKind == JsonValueKind.Object
                && string.Equals(property.Name, "lab", StringComparison.OrdinalIgnoreCase))
            {
                Unknown(property.Value, LabFields, path + property.Name + ".", unknown, repeated);
            }
        }
    }

    /// <summary>Numbers as their raw text (validated by the builder like CSV cells); objects and arrays as text the builder rejects.</summary>
    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static string?[]? List(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.Array => value.EnumerateArray().Select(Scalar).ToArray(),
        _ => [Scalar(value)],
    };
}
