using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Matching;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// Issue 15, item 4 (cold start): a fresh service builds before it takes requests, so its first burst of matches has
/// nothing left to build. Deterministic: it counts catalogue preparations instead of timing requests (the timings
/// are tests/load/measure.sh's).
/// </summary>
public sealed class WarmUpTests(WarmUpTests.Factory factory) : IClassFixture<WarmUpTests.Factory>
{
    /// <summary>A fresh database: the first start loads the sample catalogue, then warms up.</summary>
    public sealed class Factory : SmpShadeFactory;

    private const string Standard = """{"skinLab":{"l":66,"a":11,"b":17},"hairLab":{"l":30,"a":3,"b":5}}""";

    [Fact]
    public async Task Once_ready_a_fresh_service_answers_its_first_16_concurrent_matches_without_building_anything()
    {
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<PreparedCatalogueCache>();

        // Ready, and warm: the warm-up prepared the catalogue a standard match uses, and ran a match and an analysis.
        var ready = await client.GetAsync("/health/ready");
        string text = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, text);
        using (var report = JsonDocument.Parse(text))
        {
            var warm = report.RootElement.GetProperty("checks").GetProperty("warm-up");
            Assert.Equal("Healthy", warm.GetProperty("status").GetString());
            string description = warm.GetProperty("description").GetString()!;
            Assert.Matches(@"^warmed in \d+\.\d s: match, analysis, guessed regions$", description);
        }

        Assert.Equal(1, cache.Builds);

        // The first burst: 16 standard matches at once, as the issue's load run sent them. None prepares anything.
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            client.PostAsync("/api/v1/matches", new StringContent(Standard, Encoding.UTF8, "application/json"))));
        foreach (var answer in answers)
        {
            Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, cache.Builds);
    }

    [Fact]
    public async Task Concurrent_first_requests_for_a_new_catalogue_share_one_preparation()
    {
        var cache = new PreparedCatalogueCache();
        var set = new PigmentSet([new CatalogueRef("cold", 1)],
            [.. Enumerable.Range(0, 400).Select(i => new CataloguePigment("cold", 1, $"C-{i}", $"Cold {i}", PigmentBase.Carbon,
                new Lab(20 + (i % 40), i % 7, i % 11), [0, 1, 3], null))]);
        // 32 callers at once on a cold entry (after an import, say) …
        var calls = Enumerable.Range(0, 32).Select(_ => cache.GetAsync(set, CancellationToken.None)).ToArray();
        var prepared = await Task.WhenAll(calls);
        // … and they all get the one preparation.
        Assert.All(prepared, p => Assert.Same(prepared[0], p));
        Assert.Equal(1, cache.Builds);
        Assert.Equal(400 * 3, prepared[0].CandidateCount);
    }
}
