namespace SmpShade.Api.Infrastructure;

/// <summary>
/// The request examples the OpenAPI document shows. Each one works against a service on its defaults (the sample
/// catalogue loaded): OpenApiExampleTests sends every one and expects success.
/// </summary>
internal static class OpenApiExamples
{
    public const string AnalysisOptions = """
        {"regions": {"hair": {"rect": [0.30, 0.10, 0.40, 0.25]}, "skin": {"rect": [0.35, 0.45, 0.20, 0.15]},
                     "reference": {"rect": [0.70, 0.70, 0.15, 0.15]}},
         "reference": {"type": "greyCard", "reflectance": 0.18}}
        """;

    public const string MatchRequest = """
        {"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12},
         "mode": "hair", "top": 3, "years": 0, "startLighter": true, "blends": true}
        """;

    public const string OutcomeRequest = """
        {"supplier": "sample", "sku": "NOIR-01", "catalogueVersion": 1, "waterParts": 3,
         "skinLab": {"l": 66, "a": 11, "b": 17}, "monthsSinceTreatment": 6, "healedLab": {"l": 41.2, "a": 1.1, "b": -0.8},
         "notes": "crown, second session"}
        """;

    public const string CreateKeyRequest = """{"role": "supplier", "supplier": "acme", "name": "Acme uploads"}""";

    public const string CatalogueJson = """
        {"illuminant": "D50", "observer": 2, "pigments": [
          {"sku": "NOIR-01", "name": "Noir Jet", "line": "Noir", "base": "carbon", "lab": {"l": 24.70, "a": -0.07, "b": -0.64}, "waterParts": [0, 1, 3, 6, 12, 20]},
          {"sku": "TERRA-02", "name": "Terra Dark Umber", "line": "Terra", "base": "iron-oxide", "lab": {"l": 32.04, "a": 6.78, "b": 11.51}, "waterParts": [0, 1, 3, 6, 12, 20]}]}
        """;

    public const string CatalogueCsv = """
        # lines starting with # are comments; headers are case-insensitive
        sku,name,line,l,a,b,illuminant,observer,base,water_parts
        NOIR-01,Noir Jet,Noir,24.70,-0.07,-0.64,D50,2,carbon,0;1;3;6;12;20
        TERRA-02,Terra Dark Umber,Terra,32.04,6.78,11.51,D50,2,iron-oxide,0;1;3;6;12;20

        """;

    public const string CatalogueCxf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <cc:CxF xmlns:cc="http://colorexchangeformat.com/CxF3-core">
          <cc:Resources>
            <cc:ObjectCollection>
              <cc:Object ObjectType="Standard" Name="Noir Jet" Id="NOIR-01">
                <cc:ColorValues><cc:ColorCIELab ColorSpecification="lab"><cc:L>24.70</cc:L><cc:A>-0.07</cc:A><cc:B>-0.64</cc:B></cc:ColorCIELab></cc:ColorValues>
                <cc:TagCollection><cc:Tag Name="base" Value="carbon"/><cc:Tag Name="line" Value="Noir"/><cc:Tag Name="water_parts" Value="0;1;3;6;12;20"/></cc:TagCollection>
              </cc:Object>
            </cc:ObjectCollection>
            <cc:ColorSpecificationCollection>
              <cc:ColorSpecification Id="lab">
                <cc:TristimulusSpec><cc:Illuminant>D50</cc:Illuminant><cc:Observer>2_Degree</cc:Observer><cc:Method>E308</cc:Method></cc:TristimulusSpec>
              </cc:ColorSpecification>
            </cc:ColorSpecificationCollection>
          </cc:Resources>
        </cc:CxF>
        """;

    public const string CsvDescription = "A whole catalogue as comma-separated text (UTF-8). Lines starting with # are comments; headers are "
        + "case-insensitive, in any order. Required: sku, name, l, a, b (L* 0–100, a*/b* −128–128), illuminant (D50|D65), "
        + "base (carbon|iron-oxide|organic|mixed), water_parts (ascending 0–100, ';'-separated). Optional: line, observer "
        + "(2|10, default 2), reflectance r400 … r700 (all 31 or none, 0–1). Row errors name the file line (header = 1).";

    public const string CxfDescription = "A whole catalogue as CxF3 (ISO 17972-1) XML, as spectrophotometer software exports it: each "
        + "cc:Object is a pigment (Name, cc:ColorCIELab, illuminant and observer from its cc:ColorSpecification, an optional 10 nm "
        + "cc:ReflectanceSpectrum); the SMP fields are object tags <cc:Tag Name=\"base\" Value=\"carbon\"/> (sku — default the "
        + "object's Id —, line, base, water_parts). DTDs are refused.";

    /// <summary>JSON bodies by schema name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Json = new Dictionary<string, string>
    {
        ["MatchRequest"] = MatchRequest,
        ["OutcomeRequest"] = OutcomeRequest,
        ["CreateKeyRequest"] = CreateKeyRequest,
        ["CatalogueJson"] = CatalogueJson,
    };

    /// <summary>The extra JSON part of a photo form, by part name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FormParts = new Dictionary<string, string>
    {
        ["match"] = """{"mode": "hair", "top": 5, "startLighter": true, "blends": false}""",
        ["outcome"] = """{"supplier": "sample", "sku": "NOIR-01", "waterParts": 3, "monthsSinceTreatment": 6}""",
    };
}
