using System.Net;
using System.Text;
using SmpShade.Api.Tests.Catalogue;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Auth;

public sealed class ClosedReadsTests(ClosedReadsFactory factory) : IClassFixture<ClosedReadsFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/suppliers")]
    [InlineData("/api/v1/suppliers/sample/pigments")]
    [InlineData("/api/v1/suppliers/sample/catalogue/versions")]
    public async Task With_RequireKeyForReads_reads_need_a_valid_key(string path)
    {
        await ProblemAssert.IsProblemAsync(await client.GetAsync(path), HttpStatusCode.Unauthorized, "auth.key_required");
        var (_, clinic) = await client.CreateKeyAsync("clinic");
        await client.GetJsonAsync(path, clinic); // asserts 200
    }

    [Fact]
    public async Task Health_stays_open_when_reads_are_closed()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_catalogue_larger_than_the_body_limit_is_refused_with_413_and_nothing_stored()
    {
        string supplier = NewSupplier("big");
        string csv = Csv(Enumerable.Range(0, 200).Select(i => Row($"B-{i}")).ToArray());
        Assert.True(Encoding.UTF8.GetByteCount(csv) > ClosedReadsFactory.MaxBodyBytes);
        await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(supplier, csv), HttpStatusCode.RequestEntityTooLarge, "catalogue.too_large");

        // Without a Content-Length (chunked), the limit still holds while streaming.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        chunked.Headers.ContentType = new("text/csv");
        chunked.Headers.ContentLength = null;
        await ProblemAssert.IsProblemAsync(await client.PutAsync(supplier, chunked, TestKeys.Admin, ""), HttpStatusCode.RequestEntityTooLarge, "catalogue.too_large");

        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/pigments"), HttpStatusCode.Unauthorized, "auth.key_required");
        var (_, clinic) = await client.CreateKeyAsync("clinic");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/suppliers/{supplier}/pigments");
        request.Headers.Add("X-Api-Key", clinic);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(request), HttpStatusCode.NotFound, "catalogue.supplier_not_found");
    }
}
