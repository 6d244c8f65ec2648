using System.Globalization;
using System.Xml;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

/// <summary>
/// Reads a CxF3 (ISO 17972-1) colour exchange file, as spectrophotometer software exports it. Each
/// <c>cc:Object</c> is a pigment: its <c>Name</c> is the name, <c>cc:ColorCIELab</c> the Lab, and the illuminant and
/// observer come from the <c>cc:ColorSpecification</c> it references (<c>cc:TristimulusSpec/cc:Illuminant</c>,
/// <c>cc:Observer</c> "2_Degree" | "10_Degree"). CxF has no place for SMP fields, so they travel as object tags
/// (<c>cc:TagCollection/cc:Tag Name= Value=</c>): <c>sku</c> (default: the object's Id), <c>line</c>, <c>base</c>,
/// <c>water_parts</c>, <c>scattering</c> (optional, S at 550 nm). An optional <c>cc:ReflectanceSpectrum</c> at 10 nm steps gives the 400–700 nm reflectance.
/// The measurement mode comes from the specification's <c>cc:MeasurementSpec/cc:GeometryChoice</c>: a
/// <c>cc:SphereGeometry</c> saying <c>Specular_Included</c> or <c>Specular_Excluded</c> (as its text or its
/// <c>cc:SphereGeometryConfiguration</c>'s), or a <c>cc:SingleAngle</c> (45°/0°, which never collects the gloss:
/// excluded); other geometries say nothing (<see cref="SpecularComponent"/>).
/// Other CxF content (metadata, devices, other colour values) is ignored.
/// </summary>
/// <remarks>
/// The file is streamed (<see cref="XmlReader"/>), never loaded as a tree: only the fields above are kept, so memory
/// follows the pigments, not the body (a 30 MB file loaded as a tree cost about 470 MB). Nesting deeper than
/// <see cref="MaxDepth"/> and more than <see cref="MaxElements"/> elements are refused as they are met (a 1.4 MB body
/// nested 50,000 deep cost 77 s of CPU as a tree), and the request's cancellation is checked at every element.
/// </remarks>
public static class CxfCatalogueReader
{
    private const string Cc = "http://colorexchangeformat.com/CxF3-core";

    /// <summary>Deepest element nesting accepted; CxF3 exports nest under 10 (CxF/Resources/ObjectCollection/Object/ColorValues/…).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most elements accepted in one file: a pigment takes 10–60, so this is far above any catalogue the caps allow.</summary>
    public const int MaxElements = 500_000;

    public static async Task ReadAsync(Stream body, CatalogueBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var document = new CxfDocument();
        try
        {
            // No DTDs, no external entities: an uploaded file never makes the server fetch or expand anything.
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                Async = true,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
            };
            using var reader = XmlReader.Create(body, settings);
            await document.ReadAsync(reader, cancellationToken);
        }
        catch (XmlException error)
        {
            throw Invalid("The catalogue is not valid CxF3 XML.", error.Message);
        }

        if (document.Objects.Count == 0)
        {
            throw CatalogueProblems.Invalid("catalogue.empty", "The catalogue is empty.", "The CxF file has no cc:Object.");
        }

        int row = 0;
        foreach (var item in document.Objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            var labSpec = item.LabSpecification is { } id ? document.Specifications.GetValueOrDefault(id) : null;
            var measured = labSpec ?? (item.SpectrumSpecification is { } sid ? document.Specifications.GetValueOrDefault(sid) : null);
            if (measured?.Specular is { } specular)
            {
                builder.StateSpecular(row, specular);
            }

            builder.Add(row, new RowFields(
                item.Tags.GetValueOrDefault("sku") ?? item.Id,
                item.Name,
                item.Tags.GetValueOrDefault("line"),
                item.Tags.GetValueOrDefault("base"),
                item.L, item.A, item.B,
                labSpec?.Illuminant,
                Observer(labSpec?.Observer),
                item.Tags.GetValueOrDefault("water_parts")?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Reflectance(builder, row, item, document.Specifications),
                item.Tags.GetValueOrDefault("scattering")));
        }
    }

    internal static ProblemException Invalid(string title, string detail) => CatalogueProblems.Invalid("catalogue.cxf_invalid", title, detail);

    /// <summary>"2_Degree" → "2"; anything else passes through for the builder to judge.</summary>
    private static string? Observer(string? text) => text?.Trim() switch
    {
        "2_Degree" => "2",
        "10_Degree" => "10",
        var other => other,
    };

    /// <summary>The 31 values 400–700 nm of a 10 nm spectrum that covers that range; an error when it does not.</summary>
    private static string?[]? Reflectance(CatalogueBuilder builder, int row, CxfObject item, Dictionary<string, CxfSpecification> specifications)
    {
        if (item.Spectrum is null)
        {
            return null;
        }

        var range = item.SpectrumSpecification is { } id ? specifications.GetValueOrDefault(id) : null;
        double start = double.TryParse(item.SpectrumStart ?? range?.StartWavelength, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) ? s : 400;
        double step = double.TryParse(range?.Increment, NumberStyles.Float, CultureInfo.InvariantCulture, out double i) ? i : 10;
        string[] values = item.Spectrum.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int offset = (int)Math.Round((400 - start) / 10);
        if (step != 10 || start > 400 || (400 - start) % 10 != 0 || values.Length < offset + CatalogueBuilder.ReflectanceCount)
        {
            builder.AddError(row, "reflectance", $"needs 10 nm steps covering 400–700 nm (got start {start}, step {step}, {values.Length} values)");
            return null;
        }

        return values.Skip(offset).Take(CatalogueBuilder.ReflectanceCount).ToArray();
    }

    /// <summary>What one <c>cc:Object</c> contributes (the first of each field wins, as in a tree's first match).</summary>
    private sealed class CxfObject(string? id, string? name)
    {
        public string? Id { get; } = id;
        public string? Name { get; } = name;
        public Dictionary<string, string?> Tags { get; } = [];
        public bool HasLab { get; set; }
        public string? LabSpecification { get; set; }
        public string? L { get; set; }
        public string? A { get; set; }
        public string? B { get; set; }
        public bool HasSpectrum => Spectrum is not null;
        public string? Spectrum { get; set; }
        public string? SpectrumSpecification { get; set; }
        public string? SpectrumStart { get; set; }
    }

    /// <summary>What one <c>cc:ColorSpecification</c> contributes.</summary>
    private sealed class CxfSpecification
    {
        public string? Illuminant { get; set; }
        public string? Observer { get; set; }
        public bool HasRange { get; set; }
        public string? StartWavelength { get; set; }
        public string? Increment { get; set; }

        /// <summary><see cref="SpecularComponent.Included"/>, <see cref="SpecularComponent.Excluded"/> or null (not said).</summary>
        public string? Specular { get; set; }

        /// <summary>Text inside a SphereGeometry (or its configuration): Specular_Included | Specular_Excluded.</summary>
        public void SphereText(string text)
        {
            string t = text.Trim().ToLowerInvariant();
            Specular ??= t.Contains("excluded", StringComparison.Ordinal) ? SpecularComponent.Excluded
                : t.Contains("included", StringComparison.Ordinal) ? SpecularComponent.Included : null;
        }
    }

    /// <summary>The streaming walk: a stack of the open elements' local names (empty for other namespaces).</summary>
    private sealed class CxfDocument
    {
        private readonly List<string> open = [];
        private CxfObject? item;
        private int itemDepth;
        private CxfSpecification? specification;
        private int specificationDepth;
        private int elements;

        public List<CxfObject> Objects { get; } = [];
        public Dictionary<string, CxfSpecification> Specifications { get; } = [];

        public async Task ReadAsync(XmlReader reader, CancellationToken cancellationToken)
        {
            // After a text field is read, the reader already stands on the next node: it is handled without reading on.
            bool standing = false;
            while (standing || await reader.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                standing = false;
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    Close();
                }
                else if (reader.NodeType == XmlNodeType.Text && specification is not null && open.Count > 0
                    && open[^1] is "SphereGeometry" or "SphereGeometryConfiguration")
                {
                    specification.SphereText(reader.Value);
                }
                else if (reader.NodeType == XmlNodeType.Element)
                {
                    standing = await OpenAsync(reader);
                }
            }
        }

        /// <summary>True when the element was a text field whose content (and end) the reader has moved past.</summary>
        private async Task<bool> OpenAsync(XmlReader reader)
        {
            if (++elements > MaxElements)
            {
                throw Invalid("The CxF3 file is too large.", $"It has more than {MaxElements} elements.");
            }

            if (open.Count >= MaxDepth)
            {
                throw Invalid("The CxF3 file is nested too deeply.", $"Its elements are nested deeper than {MaxDepth} levels.");
            }

            string name = reader.NamespaceURI == Cc ? reader.LocalName : "";
            if (open.Count == 0 && name != "CxF")
            {
                throw Invalid("The catalogue is not CxF3.", $"Expected a root element cc:CxF in the namespace {Cc}.");
            }

            bool empty = reader.IsEmptyElement;
            if (await ReadFieldAsync(reader, name))
            {
                return !empty;
            }

            open.Add(name);
            if (empty)
            {
                Close();
            }

            return false;
        }

        /// <summary>Records what this element holds for the catalogue; true when its content was read (and consumed).</summary>
        private async Task<bool> ReadFieldAsync(XmlReader reader, string name)
        {
            string parent = open.Count > 0 ? open[^1] : "";
            if (name == "Object" && item is null)
            {
                item = new CxfObject(reader.GetAttribute("Id"), reader.GetAttribute("Name"));
                itemDepth = open.Count;
                return false;
            }

            if (name == "ColorSpecification" && specification is null && reader.GetAttribute("Id") is { } id)
            {
                specification = new CxfSpecification();
                specificationDepth = open.Count;
                Specifications.TryAdd(id, specification);
                return false;
            }

            if (item is not null && ReadObjectPart(reader, name, parent) is { } target)
            {
                target(reader.IsEmptyElement ? "" : await reader.ReadElementContentAsStringAsync());
                return true;
            }

            if (specification is not null && ReadSpecificationPart(reader, name, parent) is { } field)
            {
                field(reader.IsEmptyElement ? "" : await reader.ReadElementContentAsStringAsync());
                return true;
            }

            return false;
        }

        /// <summary>An object's Tag, ColorCIELab and ReflectanceSpectrum (attributes), and where their text goes.</summary>
        private Action<string>? ReadObjectPart(XmlReader reader, string name, string parent)
        {
            var current = item!;
            int level = open.Count - itemDepth; // 1: a child of the object
            if (name == "Tag" && parent == "TagCollection" && level == 2 && reader.GetAttribute("Name") is { } tag)
            {
                current.Tags.TryAdd(tag.Trim().ToLowerInvariant(), reader.GetAttribute("Value"));
                return null;
            }

            if (name == "ColorCIELab" && parent == "ColorValues" && level == 2 && !current.HasLab)
            {
                current.HasLab = true;
                current.LabSpecification = reader.GetAttribute("ColorSpecification");
                return null;
            }

            if (name is "L" or "A" or "B" && parent == "ColorCIELab" && level == 3)
            {
                return name switch
                {
                    "L" => text => current.L ??= text,
                    "A" => text => current.A ??= text,
                    _ => text => current.B ??= text,
                };
            }

            if (name == "ReflectanceSpectrum" && parent == "ColorValues" && level == 2 && !current.HasSpectrum)
            {
                current.SpectrumSpecification = reader.GetAttribute("ColorSpecification");
                current.SpectrumStart = reader.GetAttribute("StartWL");
                return text => current.Spectrum = text;
            }

            return null;
        }

        /// <summary>A specification's TristimulusSpec/Illuminant and Observer, and its first WavelengthRange.</summary>
        private Action<string>? ReadSpecificationPart(XmlReader reader, string name, string parent)
        {
            var current = specification!;
            int level = open.Count - specificationDepth;
            if (name == "WavelengthRange" && !current.HasRange)
            {
                current.HasRange = true;
                current.StartWavelength = reader.GetAttribute("StartWL");
                current.Increment = reader.GetAttribute("Increment");
                return null;
            }

            if (name == "SingleAngle" && parent == "GeometryChoice")
            {
                current.Specular ??= SpecularComponent.Excluded;
                return null;
            }

            if (name is "Illuminant" or "Observer" && parent == "TristimulusSpec" && level == 2)
            {
                return name == "Illuminant" ? text => current.Illuminant ??= text : text => current.Observer ??= text;
            }

            return null;
        }

        private void Close()
        {
            open.RemoveAt(open.Count - 1);
            if (item is not null && open.Count == itemDepth)
            {
                Objects.Add(item);
                item = null;
            }

            if (specification is not null && open.Count == specificationDepth)
            {
                specification = null;
            }
        }
    }
}
