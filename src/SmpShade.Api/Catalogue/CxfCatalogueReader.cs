using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SmpShade.Api.Catalogue;

/// <summary>
/// Reads a CxF3 (ISO 17972-1) colour exchange file, as spectrophotometer software exports it. Each
/// <c>cc:Object</c> is a pigment: its <c>Name</c> is the name, <c>cc:ColorCIELab</c> the Lab, and the illuminant and
/// observer come from the <c>cc:ColorSpecification</c> it references (<c>cc:TristimulusSpec/cc:Illuminant</c>,
/// <c>cc:Observer</c> "2_Degree" | "10_Degree"). CxF has no place for SMP fields, so they travel as object tags
/// (<c>cc:TagCollection/cc:Tag Name= Value=</c>): <c>sku</c> (default: the object's Id), <c>line</c>, <c>base</c>,
/// <c>water_parts</c>. An optional <c>cc:ReflectanceSpectrum</c> at 10 nm steps gives the 400–700 nm reflectance.
/// Other CxF content (metadata, devices, other colour values) is ignored.
/// </summary>
public static class CxfCatalogueReader
{
    private static readonly XNamespace Cc = "http://colorexchangeformat.com/CxF3-core";

    public static async Task ReadAsync(Stream body, CatalogueBuilder builder, CancellationToken cancellationToken)
    {
        XDocument document;
        try
        {
            // No DTDs, no external entities: an uploaded file never makes the server fetch or expand anything.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true };
            using var reader = XmlReader.Create(body, settings);
            document = await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken);
        }
        catch (XmlException error)
        {
            throw CatalogueProblems.Invalid("catalogue.cxf_invalid", "The catalogue is not valid CxF3 XML.", error.Message);
        }

        if (document.Root?.Name != Cc + "CxF")
        {
            throw CatalogueProblems.Invalid("catalogue.cxf_invalid", "The catalogue is not CxF3.",
                $"Expected a root element cc:CxF in the namespace {Cc.NamespaceName}.");
        }

        var specifications = document.Descendants(Cc + "ColorSpecification")
            .Where(s => s.Attribute("Id") is not null)
            .GroupBy(s => (string)s.Attribute("Id")!)
            .ToDictionary(g => g.Key, g => g.First());
        var objects = document.Descendants(Cc + "Object").ToList();
        if (objects.Count == 0)
        {
            throw CatalogueProblems.Invalid("catalogue.empty", "The catalogue is empty.", "The CxF file has no cc:Object.");
        }

        int row = 0;
        foreach (var item in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            var tags = item.Element(Cc + "TagCollection")?.Elements(Cc + "Tag")
                .Where(t => t.Attribute("Name") is not null)
                .GroupBy(t => ((string)t.Attribute("Name")!).Trim().ToLowerInvariant())
                .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("Value")) ?? [];
            var lab = item.Element(Cc + "ColorValues")?.Element(Cc + "ColorCIELab");
            var tristimulus = Specification(lab, specifications)?.Element(Cc + "TristimulusSpec");
            builder.Add(row, new RowFields(
                tags.GetValueOrDefault("sku") ?? (string?)item.Attribute("Id"),
                (string?)item.Attribute("Name"),
                tags.GetValueOrDefault("line"),
                tags.GetValueOrDefault("base"),
                (string?)lab?.Element(Cc + "L"), (string?)lab?.Element(Cc + "A"), (string?)lab?.Element(Cc + "B"),
                (string?)tristimulus?.Element(Cc + "Illuminant"),
                Observer((string?)tristimulus?.Element(Cc + "Observer")),
                tags.GetValueOrDefault("water_parts")?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Reflectance(builder, row, item.Element(Cc + "ColorValues")?.Element(Cc + "ReflectanceSpectrum"), specifications)));
        }
    }

    private static XElement? Specification(XElement? value, Dictionary<string, XElement> specifications) =>
        (string?)value?.Attribute("ColorSpecification") is { } id ? specifications.GetValueOrDefault(id) : null;

    /// <summary>"2_Degree" → "2"; anything else passes through for the builder to judge.</summary>
    private static string? Observer(string? text) => text?.Trim() switch
    {
        "2_Degree" => "2",
        "10_Degree" => "10",
        var other => other,
    };

    /// <summary>The 31 values 400–700 nm of a 10 nm spectrum that covers that range; an error when it does not.</summary>
    private static string?[]? Reflectance(CatalogueBuilder builder, int row, XElement? spectrum, Dictionary<string, XElement> specifications)
    {
        if (spectrum is null)
        {
            return null;
        }

        var range = Specification(spectrum, specifications)?.Descendants(Cc + "WavelengthRange").FirstOrDefault();
        double start = double.TryParse((string?)spectrum.Attribute("StartWL") ?? (string?)range?.Attribute("StartWL"),
            NumberStyles.Float, CultureInfo.InvariantCulture, out double s) ? s : 400;
        double step = double.TryParse((string?)range?.Attribute("Increment"), NumberStyles.Float, CultureInfo.InvariantCulture, out double i) ? i : 10;
        string[] values = spectrum.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int offset = (int)Math.Round((400 - start) / 10);
        if (step != 10 || start > 400 || (400 - start) % 10 != 0 || values.Length < offset + CatalogueBuilder.ReflectanceCount)
        {
            builder.AddError(row, "reflectance", $"needs 10 nm steps covering 400–700 nm (got start {start}, step {step}, {values.Length} values)");
            return null;
        }

        return values.Skip(offset).Take(CatalogueBuilder.ReflectanceCount).ToArray();
    }
}
