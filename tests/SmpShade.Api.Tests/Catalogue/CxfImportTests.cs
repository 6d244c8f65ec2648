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
            + Item("o2", "Jet", 24.7, -0.07, -0.64, """<cc:Tag Name="sku" Value="JET-1"/><cc:Tag Name="base" Value="carbon"/><cc:Tag Name="water_parts" Value="0;3"/><cc:Tag Name="scattering" Value="2010"/>"""));
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
        Assert.Equal(2010, items[1].GetProperty("scattering").GetDouble());
        Assert.False(brown.TryGetProperty("scattering", out _));
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

    /// <summary>
    /// Issue 15: a 1.4 MB body of nested objects cost 77 s of CPU when the whole file was loaded as a tree and searched.
    /// Read as a stream, nesting past 64 levels is refused at once (real CxF3 files nest under 10).
    /// </summary>
    [Fact]
    public async Task A_CxF3_body_nested_deeper_than_the_limit_is_refused_at_once()
    {
        const int depth = 50_000;
        var xml = new StringBuilder("""<cc:CxF xmlns:cc="http://colorexchangeformat.com/CxF3-core"><cc:Resources><cc:ObjectCollection>""");
        xml.Insert(xml.Length, """<cc:Object Id="o" Name="x"><cc:ColorValues>""", depth);
        xml.Insert(xml.Length, "</cc:ColorValues></cc:Object>", depth);
        xml.Append("</cc:ObjectCollection></cc:Resources></cc:CxF>");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var problem = await ProblemAssert.IsProblemAsync(
            await client.PutAsync(NewSupplier("deep"), new StringContent(xml.ToString(), Encoding.UTF8, "application/xml"), TestKeys.Admin, "?dryRun=true"),
            HttpStatusCode.UnprocessableEntity, "catalogue.cxf_invalid");
        Assert.Contains("nested deeper than 64", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_CxF3_body_with_more_elements_than_the_limit_is_refused()
    {
        // 600,000 empty elements in a 4 MB body: each is cheap to read, but nothing a catalogue needs has that many.
        string xml = Cxf(Item("o1", "x", 30, 0, 0, """<cc:Tag Name="base" Value="carbon"/><cc:Tag Name="water_parts" Value="0"/>""")
            + "<cc:Padding>" + string.Concat(Enumerable.Repeat("<p/>", 600_000)) + "</cc:Padding>");
        var problem = await ProblemAssert.IsProblemAsync(await PutCxf(NewSupplier("wide"), xml), HttpStatusCode.UnprocessableEntity, "catalogue.cxf_invalid");
        Assert.Contains("more than 500000 elements", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_CxF3_body_stops_when_the_request_is_cancelled()
    {
        // A body that never ends: the reader must give up when the token fires, not wait for (or parse) more.
        using var cancel = new CancellationTokenSource();
        var body = new EndlessCxf(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SmpShade.Api.Catalogue.CxfCatalogueReader.ReadAsync(body, new SmpShade.Api.Catalogue.CatalogueBuilder(), cancel.Token));
        Assert.True(body.Served < 64L * 1024 * 1024, $"{body.Served} bytes read after cancellation");
    }

    /// <summary>An opening CxF3 element followed by an unending run of empty elements; cancels after 1 MB has been served.</summary>
    private sealed class EndlessCxf(CancellationTokenSource cancel) : Stream
    {
        private static readonly byte[] Head = Encoding.UTF8.GetBytes("""<cc:CxF xmlns:cc="http://colorexchangeformat.com/CxF3-core"><cc:Resources>""");
        private static readonly byte[] Filler = Encoding.UTF8.GetBytes("<cc:X/>");

        public long Served { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count)
            {
                long at = Served + n;
                buffer[offset + n] = at < Head.Length ? Head[at] : Filler[(at - Head.Length) % Filler.Length];
                n++;
            }

            Served += n;
            if (Served > 1024 * 1024)
            {
                cancel.Cancel();
            }

            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
