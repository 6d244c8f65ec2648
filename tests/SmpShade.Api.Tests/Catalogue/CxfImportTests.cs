using System.Globalization;
using System.Net;
using System.Text;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

[Collection(SharedApi.Name)]
public sealed class CxfImportTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    /// <summary>A CxF3 export as a spectrophotometer writes it: spectra 380–730 nm, Lab under D50 / 2°.</summary>
    private static string Cxf(string objects, string illuminant = "D50") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <cc:CxF xmlns:cc="http://colorexchangeformat.com/CxF3-core">
          <cc:FileInformation><cc:Creator>test</cc:Creator></cc:FileInformation>
          <cc:Resources>
            <cc:ObjectCollection>{objects}</cc:ObjectCollection>
            <cc:ColorSpecificationCollection>
              <cc:ColorSpecification Id="lab">
                <cc:TristimulusSpec><cc:Illuminant>{illuminant}</cc:Illuminant><cc:Observer>2_Degree</cc:Observer><cc:Method>E308</cc:Method></cc:TristimulusSpec>
              </cc:ColorSpecification>
              <cc:ColorSpecification Id="spectrum">
                <cc:MeasurementSpec><cc:WavelengthRange StartWL="380" Increment="10"/></cc:MeasurementSpec>
              </cc:ColorSpecification>
            </cc:ColorSpecificationCollection>
          </cc:Resources>
        </cc:CxF>
        """;

    private static string Item(string id, string name, double l, double a, double b, string tags, bool spectrum = false) => $"""
        <cc:Object ObjectType="Standard" Name="{name}" Id="{id}">
          <cc:ColorValues>
            <cc:ColorCIELab ColorSpecification="lab"><cc:L>{l.ToString(CultureInfo.InvariantCulture)}</cc:L><cc:A>{a.ToString(CultureInfo.InvariantCulture)}</cc:A><cc:B>{b.ToString(CultureInfo.InvariantCulture)}</cc:B></cc:ColorCIELab>
            {(spectrum ? $"""<cc:ReflectanceSpectrum ColorSpecification="spectrum">{string.Join(" ", Enumerable.Range(0, 36).Select(i => (0.01 * (i + 1)).ToString(CultureInfo.InvariantCulture)))}</cc:ReflectanceSpectrum>""" : "")}
          </cc:ColorValues>
          <cc:TagCollection>{tags}</cc:TagCollection>
        </cc:Object>
        """;

    private Task<HttpResponseMessage> PutCxf(string supplier, string xml) =>
        client.PutAsync(supplier, new StringContent(xml, Encoding.UTF8, "application/xml"), TestKeys.Admin, "");

    [Fact]
    public async Task A_CxF3_export_imports_with_its_illuminant_tags_and_the_400_to_700_nm_part_of_its_spectrum()
    {
        string supplier = NewSupplier("cxf");
        string xml = Cxf(
            Item("o1", "Warm brown", 30, 10, 20, """<cc:Tag Name="base" Value="iron-oxide"/><cc:Tag Name="water_parts" Value="0;6;12"/><cc:Tag Name="line" Value="Terra"/>""", spectrum: true)
            + Item("o2", "Jet", 24.7, -0.07, -0.64, """<cc:Tag Name="sku" Value="JET-1"/><cc:Tag Name="base" Value="carbon"/><cc:Tag Name="water_parts" Value="0;3"/>"""));
        var created = await (await PutCxf(supplier, xml)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("pigments").GetInt32());

        var items = (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/pigments")).GetProperty("items");
        var brown = items[0];
        Assert.Equal("o1", brown.GetProperty("sku").GetString()); // no sku tag: the object's Id
        Assert.Equal("Terra", brown.GetProperty("line").GetString());
        // Same independent computation as CatalogueImportTests: Lab D50 (30, 10, 20) → D65 (29.7776, 8.7299, 19.7531).
        Assert.Equal(8.7299, brown.GetProperty("lab").GetProperty("a").GetDouble(), 1e-3);
        var reflectance = brown.GetProperty("reflectance").EnumerateArray().Select(r => r.GetDouble()).ToList();
        Assert.Equal(31, reflectance.Count);
        Assert.Equal(0.03, reflectance[0], 1e-12);   // 400 nm is the third value of a 380 nm start
        Assert.Equal(0.33, reflectance[30], 1e-12);  // 700 nm
        Assert.Equal("JET-1", items[1].GetProperty("sku").GetString());
        var versions = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions");
        Assert.Equal("cxf", versions.GetProperty("items")[0].GetProperty("sourceFormat").GetString());
    }

    [Fact]
    public async Task A_CxF3_object_without_tags_is_a_bad_row_and_an_unstated_illuminant_refuses_the_file()
    {
        var bad = await ProblemAssert.IsProblemAsync(await PutCxf(NewSupplier("cxf"), Cxf(Item("o1", "x", 30, 0, 0, ""))),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        Assert.Equal(["base", "water_parts"], bad.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()));

        await ProblemAssert.IsProblemAsync(await PutCxf(NewSupplier("cxf"), Cxf(Item("o1", "x", 30, 0, 0, """<cc:Tag Name="base" Value="carbon"/><cc:Tag Name="water_parts" Value="0"/>"""), illuminant: "")),
            HttpStatusCode.UnprocessableEntity, "catalogue.illuminant_missing");
    }

    [Theory]
    [InlineData("<catalogue/>")]
    [InlineData("<cc:CxF xmlns:cc=\"http://colorexchangeformat.com/CxF3-core\">")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><cc:CxF xmlns:cc=\"http://colorexchangeformat.com/CxF3-core\">&e;</cc:CxF>")]
    public async Task Xml_that_is_not_a_readable_CxF3_file_is_refused_without_resolving_anything(string xml)
    {
        await ProblemAssert.IsProblemAsync(await PutCxf(NewSupplier("cxf"), xml), HttpStatusCode.UnprocessableEntity, "catalogue.cxf_invalid");
    }
}
