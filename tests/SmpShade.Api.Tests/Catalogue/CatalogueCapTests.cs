using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;
using SmpShade.Api.Matching;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Colour;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Catalogue;

/// <summary>A service allowing three catalogue versions per supplier per hour.</summary>
public sealed class HourlyVersionLimitFactory : SmpShadeFactory
{
    public HourlyVersionLimitFactory() => Settings["Catalogue:MaxVersionsPerHour"] = "3";
}

/// <summary>
/// Issue 15: one 29 MB CSV of 30 pigments × 110,000 water parts was accepted and every match then evaluated 3.4 million
/// candidates; one supplier key made 500 versions in 24 s and the versions list was one unpaged answer.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class CatalogueCapTests(SmpShadeFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_catalogue_over_the_pigment_limit_is_refused_and_nothing_is_stored()
    {
        string supplier = NewSupplier("many");
        string csv = Csv([.. Enumerable.Range(0, 1001).Select(i => Row($"M-{i}"))]); // default Catalogue:MaxPigments = 1000
        var problem = await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(supplier, csv), HttpStatusCode.UnprocessableEntity, "catalogue.too_many_pigments");
        Assert.Contains("At most 1000 pigments", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/catalogue/versions"), HttpStatusCode.NotFound, "catalogue.supplier_not_found");

        // The limit itself is accepted.
        string exactly = Csv([.. Enumerable.Range(0, 1000).Select(i => Row($"M-{i}"))]);
        await (await client.PutCsvAsync(supplier, exactly)).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_pigment_with_more_dilution_steps_than_the_limit_is_a_row_error()
    {
        string ladder = string.Join(';', Enumerable.Range(0, 33).Select(i => (i * 3).ToString(CultureInfo.InvariantCulture)));
        string csv = Header + "\n" + $"LONG-1,Long,Noir,25,0.5,-1,D65,2,carbon,{ladder}\n" + Row("OK-1") + "\n";
        var problem = await ProblemAssert.IsProblemAsync(await client.PutCsvAsync(NewSupplier("ladder"), csv), HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Equal("water_parts", error.GetProperty("column").GetString());
        Assert.Equal("33 dilution steps; at most 32 (Catalogue:MaxDilutionSteps)", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_versions_list_is_paged_newest_first()
    {
        string supplier = NewSupplier("paged");
        for (int i = 0; i < 3; i++)
        {
            await (await client.PutCsvAsync(supplier, Csv(Row($"P-{i}")))).ReadJsonAsync(HttpStatusCode.Created);
        }

        var first = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions?pageSize=2");
        Assert.Equal([3, 2], first.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        var second = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions?pageSize=2&page=2");
        Assert.Equal([1], second.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(50, (await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions")).GetProperty("pageSize").GetInt32());
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/suppliers/{supplier}/catalogue/versions?pageSize=501"),
            HttpStatusCode.BadRequest, "catalogue.paging_invalid");
    }

    [Fact]
    public void A_stored_ladder_longer_than_matching_evaluates_is_thinned_evenly_keeping_its_ends()
    {
        // A ladder stored before the import cap: 110,000 steps 0 … 100 made every match evaluate millions of candidates.
        var ladder = Enumerable.Range(0, 110_000).Select(i => i * 100.0 / 109_999).ToArray();
        var pigment = new CataloguePigment("legacy", 1, "L-1", "Legacy", PigmentBase.Carbon, new Lab(25, 0.5, -1), ladder, null);
        var prepared = new PreparedCatalogue(new PigmentSet([new CatalogueRef("legacy", 1)], [pigment]));
        var thinned = Assert.Single(prepared.Pigments).Ladder;
        Assert.Equal(PreparedCatalogue.MaxLadderSteps, prepared.CandidateCount);
        Assert.Equal(0, thinned[0]);
        Assert.Equal(100, thinned[^1], 1e-9);
        Assert.True(thinned.Zip(thinned.Skip(1)).All(pair => pair.Second > pair.First));
        // Evenly spaced: every gap within one stored step of 100/63.
        Assert.All(thinned.Zip(thinned.Skip(1)), pair => Assert.Equal(100.0 / 63, pair.Second - pair.First, 0.002));
    }
}

/// <summary>The hourly version limit, counted from the database.</summary>
public sealed class CatalogueRateLimitTests(HourlyVersionLimitFactory factory) : IClassFixture<HourlyVersionLimitFactory>
{
    [Fact]
    public async Task A_supplier_past_its_hourly_versions_gets_429_with_Retry_After_and_others_are_unaffected()
    {
        var client = factory.CreateClient();
        string supplier = NewSupplier("hourly");
        for (int i = 0; i < 3; i++)
        {
            await (await client.PutCsvAsync(supplier, Csv(Row($"H-{i}")))).ReadJsonAsync(HttpStatusCode.Created);
        }

        // The refused import writes nothing, so it must not count as a write (review of 01e8af6, #5): matches on SQLite
        // keep reusing what they read (MatchInputs) however many over-limit imports a key sends.
        var writes = factory.Services.GetRequiredService<LocalWrites>();
        long generation = writes.Generation;
        var response = await client.PutCsvAsync(supplier, Csv(Row("H-4")));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "catalogue.rate_limited");
        Assert.Equal(generation, writes.Generation);
        Assert.StartsWith("At most 3 catalogue versions per supplier per hour", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        int retry = int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retry, 3500, 3600); // the oldest of the three was stored seconds ago
        var versions = await client.GetJsonAsync($"/api/v1/suppliers/{supplier}/catalogue/versions");
        Assert.Equal(3, versions.GetProperty("total").GetInt32());

        // A dry run stores nothing and is not limited; another supplier is not limited.
        await (await client.PutCsvAsync(supplier, Csv(Row("H-5")), query: "?dryRun=true")).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.PutCsvAsync(NewSupplier("other"), Csv(Row("O-1")))).ReadJsonAsync(HttpStatusCode.Created);
    }
}
