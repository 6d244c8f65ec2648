using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>
/// A catalogue says whether its colours were measured with the specular component (SCI) or without it (SCE): from the
/// request, a JSON field or the CxF measurement geometry; stored with the version, echoed, used (docs/science.md §4).
/// </summary>
[Collection(SharedApi.Name)]
public sealed class CatalogueSpecularTests(SmpShadeFactory factory)
{
    // Two deep neutral blacks, L* 16 and 19: read as SCI both are below the drawdown's surface reflection (K1 = 0.03,
    // L* ≈ 20) and clamp to the same perfect absorber; read as SCE they are two real, different body reflectances.
    private const string Blacks = "BLK-16,Black 16,Noir,16,0,0,D65,2,carbon,0\nBLK-19,Black 19,Noir,19,0,0,D65,2,carbon,0\n";
    private readonly HttpClient client = factory.CreateClient();

    private async Task<Dictionary<string, double>> HealedLightnessAsync(string supplier)
    {
        var response = await client.PostAsJsonAsync("/api/v1/matches",
            new { skinLab = new { l = 66.0, a = 10.0, b = 17.0 }, hairLab = new { l = 25.0, a = 1.0, b = 2.0 }, supplier, top = 2 });
        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("candidates").EnumerateArray().ToDictionary(
            c => c.GetProperty("pigment").GetProperty("sku").GetString()!,
            c => c.GetProperty("healed").GetProperty("lab").GetProperty("l").GetDouble());
    }

    private async Task<string> StoredModeAsync(string supplier) =>
        (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions")).GetProperty("items")[0].GetProperty("specularComponent").GetString()!;

    [Fact]
    public async Task A_measured_SCE_black_no_longer_clamps_to_a_perfect_absorber()
    {
        string sci = NewSupplier("sci"), sce = NewSupplier("sce");
        var created = await (await client.PutCsvAsync(sci, Header + "\n" + Blacks)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("included", created.GetProperty("specularComponent").GetString());
        created = await (await client.PutCsvAsync(sce, Header + "\n" + Blacks, query: "?specular=SCE")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("excluded", created.GetProperty("specularComponent").GetString());
        Assert.Equal("included", await StoredModeAsync(sci));
        Assert.Equal("excluded", await StoredModeAsync(sce));

        var asSci = await HealedLightnessAsync(sci);
        var asSce = await HealedLightnessAsync(sce);
        // SCI: both blacks are the same perfect absorber, so they heal identically (the defect an SCE catalogue hit).
        Assert.Equal(asSci["BLK-16"], asSci["BLK-19"], 6);
        // SCE: each is its own black; the lighter reading heals lighter, and neither as dark as the perfect absorber.
        Assert.True(asSce["BLK-19"] > asSce["BLK-16"] + 0.05, $"SCE L* 16 healed {asSce["BLK-16"]:F2}, L* 19 healed {asSce["BLK-19"]:F2}");
        Assert.True(asSce["BLK-16"] > asSci["BLK-16"], $"SCE {asSce["BLK-16"]:F2} against the clamped {asSci["BLK-16"]:F2}");
    }

    [Fact]
    public async Task SCI_data_is_unchanged_whether_the_mode_is_stated_or_left_to_the_default()
    {
        string csv = Header + "\nA-1,Brown,Terra,30,6,10,D65,2,iron-oxide,0\nA-2,Grey,Noir,45,0.5,-1,D65,2,carbon,0\n";
        string plain = NewSupplier("scid"), stated = NewSupplier("scis");
        await (await client.PutCsvAsync(plain, csv)).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PutCsvAsync(stated, csv, query: "?specular=included")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(await HealedLightnessAsync(plain), await HealedLightnessAsync(stated));
    }

    [Fact]
    public async Task A_JSON_catalogue_says_its_mode_and_a_request_that_disagrees_is_refused()
    {
        string json = """{"illuminant": "D65", "specular": "excluded", "pigments": [{"sku": "J-1", "name": "Jet", "base": "carbon", "lab": {"l": 17, "a": 0, "b": 0}, "waterParts": [0]}]}""";
        string supplier = NewSupplier("scej");
        await (await client.PutJsonAsync(supplier, json)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("excluded", await StoredModeAsync(supplier));

        var problem = await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("scej"), json, query: "?specular=sci"),
            HttpStatusCode.UnprocessableEntity, "catalogue.specular_conflict");
        Assert.Contains("excluded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"glossy\"")]
    [InlineData("true")]
    [InlineData("1")]
    public async Task A_malformed_JSON_mode_refuses_the_file_with_a_stable_code(string value)
    {
        string json = $$"""{"illuminant": "D65", "specular": {{value}}, "pigments": [{"sku": "J-1", "name": "Jet", "base": "carbon", "lab": {"l": 17, "a": 0, "b": 0}, "waterParts": [0]}]}""";
        await ProblemAssert.IsProblemAsync(await client.PutJsonAsync(NewSupplier("scebad"), json), HttpStatusCode.UnprocessableEntity, "catalogue.specular_invalid");
    }

    [Theory]
    [InlineData("glossy")]
    [InlineData("")]
    [InlineData("sce;sci")]
    public async Task A_malformed_mode_parameter_is_a_bad_request_with_a_stable_code(string value)
    {
        var problem = await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("scebad"), Csv(Row("A-1")), query: "?specular=" + Uri.EscapeDataString(value)),
            HttpStatusCode.BadRequest, "catalogue.specular_invalid");
        Assert.Contains("included (SCI) or excluded (SCE)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Cxf(params (string Id, string Geometry)[] objects) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <cc:CxF xmlns:cc="http://colorexchangeformat.com/CxF3-core">
          <cc:Resources>
            <cc:ObjectCollection>{string.Concat(objects.Select(o => $"""
              <cc:Object ObjectType="Standard" Name="Black {o.Id}" Id="{o.Id}">
                <cc:ColorValues><cc:ColorCIELab ColorSpecification="{o.Geometry}"><cc:L>17</cc:L><cc:A>0</cc:A><cc:B>0</cc:B></cc:ColorCIELab></cc:ColorValues>
                <cc:TagCollection><cc:Tag Name="base" Value="carbon"/><cc:Tag Name="water_parts" Value="0"/></cc:TagCollection>
              </cc:Object>
              """))}</cc:ObjectCollection>
            <cc:ColorSpecificationCollection>
              <cc:ColorSpecification Id="sce">
                <cc:TristimulusSpec><cc:Illuminant>D65</cc:Illuminant><cc:Observer>2_Degree</cc:Observer></cc:TristimulusSpec>
                <cc:MeasurementSpec><cc:MeasurementType>Spectrum_Reflectance</cc:MeasurementType>
                  <cc:GeometryChoice><cc:SphereGeometry>Specular_Excluded</cc:SphereGeometry></cc:GeometryChoice></cc:MeasurementSpec>
              </cc:ColorSpecification>
              <cc:ColorSpecification Id="sci">
                <cc:TristimulusSpec><cc:Illuminant>D65</cc:Illuminant><cc:Observer>2_Degree</cc:Observer></cc:TristimulusSpec>
                <cc:MeasurementSpec><cc:GeometryChoice><cc:SphereGeometry><cc:SphereGeometryConfiguration>Specular_Included</cc:SphereGeometryConfiguration></cc:SphereGeometry></cc:GeometryChoice></cc:MeasurementSpec>
              </cc:ColorSpecification>
              <cc:ColorSpecification Id="d45">
                <cc:TristimulusSpec><cc:Illuminant>D65</cc:Illuminant><cc:Observer>2_Degree</cc:Observer></cc:TristimulusSpec>
                <cc:MeasurementSpec><cc:GeometryChoice><cc:SingleAngle><cc:IlluminationAngle>45</cc:IlluminationAngle><cc:MeasurementAngle>0</cc:MeasurementAngle></cc:SingleAngle></cc:GeometryChoice></cc:MeasurementSpec>
              </cc:ColorSpecification>
              <cc:ColorSpecification Id="plain">
                <cc:TristimulusSpec><cc:Illuminant>D65</cc:Illuminant><cc:Observer>2_Degree</cc:Observer></cc:TristimulusSpec>
              </cc:ColorSpecification>
            </cc:ColorSpecificationCollection>
          </cc:Resources>
        </cc:CxF>
        """;

    private Task<HttpResponseMessage> PutCxf(string supplier, string xml) =>
        client.PutAsync(supplier, new StringContent(xml, Encoding.UTF8, "application/xml"), TestKeys.Admin, "");

    [Theory]
    [InlineData("sce", "excluded")]
    [InlineData("sci", "included")]
    [InlineData("d45", "excluded")]   // 45°/0° never collects the gloss
    [InlineData("plain", "included")] // no geometry: the default
    public async Task A_CxF_file_s_measurement_geometry_sets_the_mode(string geometry, string mode)
    {
        string supplier = NewSupplier("cxfm");
        var created = await (await PutCxf(supplier, Cxf(("o1", geometry), ("o2", geometry)))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(mode, created.GetProperty("specularComponent").GetString());
        Assert.Equal(mode, await StoredModeAsync(supplier));
    }

    [Fact]
    public async Task A_CxF_file_mixing_SCI_and_SCE_objects_is_refused_naming_the_row()
    {
        var problem = await ProblemAssert.IsProblemAsync(await PutCxf(NewSupplier("cxfmix"), Cxf(("o1", "sci"), ("o2", "plain"), ("o3", "sce"))),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("specular", error.GetProperty("column").GetString());
    }
}
