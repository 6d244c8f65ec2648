using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Data;
using SmpShade.Api.Matching;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Matching;

/// <summary>
/// On SQLite a match reuses the catalogue fingerprint and the correction the previous match read until the database file
/// changes (this process's writes or another process's commit, seen through PRAGMA data_version), so bursts of matches
/// stop queueing on the SQLite pool lock; on PostgreSQL (replicas) every match reads. Promotions and rollbacks seen by the next match: TrainingGovernanceTests and
/// AutoPromotionTests, which run on SQLite through these paths.
/// </summary>
public sealed class MatchInputsTests(SmpShadeFactory factory) : IClassFixture<SmpShadeFactory>
{
    [Fact]
    public async Task On_sqlite_a_match_reuses_what_the_last_read_until_this_process_writes()
    {
        var writes = new LocalWrites(sqlite: true);
        var inputs = new MatchInputs(writes);
        var read = new CountingRead();
        await inputs.GetAsync(read.Run, CancellationToken.None);
        await inputs.GetAsync(read.Run, CancellationToken.None);
        Assert.Equal(1, read.Count);
        writes.Count();
        await inputs.GetAsync(read.Run, CancellationToken.None);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task A_write_that_lands_while_a_match_reads_makes_the_next_match_read_again()
    {
        // The import commits after the match took the generation but before (or while) it read: what it read may predate
        // the import, so it must not be reused.
        var writes = new LocalWrites(sqlite: true);
        var inputs = new MatchInputs(writes);
        await inputs.GetAsync(new CountingRead(during: writes.Count).Run, CancellationToken.None);
        var next = new CountingRead();
        await inputs.GetAsync(next.Run, CancellationToken.None);
        Assert.Equal(1, next.Count);
        await inputs.GetAsync(next.Run, CancellationToken.None); // nothing written since that read began
        Assert.Equal(1, next.Count);
    }

    [Fact]
    public async Task On_postgresql_every_match_reads_since_other_replicas_write()
    {
        var inputs = new MatchInputs(new LocalWrites(sqlite: false));
        var read = new CountingRead();
        for (int i = 0; i < 3; i++)
        {
            await inputs.GetAsync(read.Run, CancellationToken.None);
        }

        Assert.Equal(3, read.Count);
    }

    [Fact]
    public async Task A_catalogue_imported_through_the_api_is_matched_by_the_next_match_and_repeated_matches_do_not_read_the_database()
    {
        var client = factory.CreateClient();
        var inputs = factory.Services.GetRequiredService<MatchInputs>();
        const string match = """{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "top": 100}""";
        var first = await MatchAsync(client, match);
        long reads = inputs.Reads;
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(first.GetProperty("catalogue").ToString(), (await MatchAsync(client, match)).GetProperty("catalogue").ToString());
        }

        Assert.Equal(reads, inputs.Reads);

        using var import = new HttpRequestMessage(HttpMethod.Put, "/api/v1/suppliers/inputs-acme/catalogue")
        {
            Content = new StringContent("sku,name,l,a,b,illuminant,base,water_parts\nINPUTS-1,Inputs Umber,40,6,11,D65,iron-oxide,0;3\n", Encoding.UTF8, "text/csv"),
        };
        import.Headers.Add("X-Api-Key", TestKeys.Admin);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(import)).StatusCode);

        var after = await MatchAsync(client, match);
        Assert.Contains(after.GetProperty("catalogue").EnumerateArray(), c => c.GetProperty("supplier").GetString() == "inputs-acme");
        Assert.Contains(after.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("pigment").GetProperty("sku").GetString() == "INPUTS-1");
        Assert.Equal(reads + 1, inputs.Reads);
    }

    [Fact]
    public async Task A_catalogue_imported_by_another_process_on_the_same_file_is_in_this_process_next_match()
    {
        // Review of 01e8af6, #1: a second instance (or Migrate=Only, the sqlite3 shell) writing the file made this
        // process's matches stale for good. The second factory is a second host on the same database file.
        var client = factory.CreateClient();
        const string match = """{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "top": 100}""";
        await MatchAsync(client, match);
        await MatchAsync(client, match); // reused: the first process now holds what it read

        using var other = new SmpShadeFactory();
        other.Settings["Database:DataDirectory"] = factory.DataFolder;
        using var import = new HttpRequestMessage(HttpMethod.Put, "/api/v1/suppliers/elsewhere-acme/catalogue")
        {
            Content = new StringContent("sku,name,l,a,b,illuminant,base,water_parts\nELSEWHERE-1,Elsewhere Umber,41,6,11,D65,iron-oxide,0;3\n", Encoding.UTF8, "text/csv"),
        };
        import.Headers.Add("X-Api-Key", TestKeys.Admin);
        Assert.Equal(HttpStatusCode.Created, (await other.CreateClient().SendAsync(import)).StatusCode);

        var after = await MatchAsync(client, match);
        Assert.Contains(after.GetProperty("catalogue").EnumerateArray(), c => c.GetProperty("supplier").GetString() == "elsewhere-acme");
        Assert.Contains(after.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("pigment").GetProperty("sku").GetString() == "ELSEWHERE-1");
    }

    [Fact]
    public async Task Matching_many_catalogue_versions_keeps_no_more_prepared_catalogues_than_the_cache_bound()
    {
        // Review of 01e8af6, #2: MatchInputs kept a prepared catalogue per (supplier, version), up to 256, beside the
        // cache's bound of 8 (13 held after 12 versions). Now it keeps one generation's fingerprint and correction.
        var client = factory.CreateClient();
        var inputs = factory.Services.GetRequiredService<MatchInputs>();
        var cache = factory.Services.GetRequiredService<PreparedCatalogueCache>();
        for (int v = 1; v <= 12; v++)
        {
            using var import = new HttpRequestMessage(HttpMethod.Put, "/api/v1/suppliers/many-acme/catalogue")
            {
                Content = new StringContent($"sku,name,l,a,b,illuminant,base,water_parts\nMANY-{v},Many {v},{30 + v},6,11,D65,iron-oxide,0;3\n", Encoding.UTF8, "text/csv"),
            };
            import.Headers.Add("X-Api-Key", TestKeys.Admin);
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(import)).StatusCode);
        }

        for (int v = 1; v <= 12; v++)
        {
            var answer = await MatchAsync(client, $$"""{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "supplier": "many-acme", "catalogueVersion": {{v}}}""");
            Assert.Contains(answer.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("pigment").GetProperty("sku").GetString() == $"MANY-{v}");
            Assert.InRange(inputs.Held, 0, 1);
            Assert.InRange(cache.Held.ByRequest, 1, 8);
            Assert.InRange(cache.Held.ByContent, 1, 8);
        }
    }

    /// <summary>A database read that counts its calls; <c>during</c> runs inside it (a write landing meanwhile).</summary>
    private sealed class CountingRead(Action? during = null)
    {
        public int Count { get; private set; }

        public Task<MatchFacts> Run(CancellationToken cancellationToken)
        {
            Count++;
            during?.Invoke();
            return Task.FromResult(new MatchFacts(0, null));
        }
    }

    private static async Task<JsonElement> MatchAsync(HttpClient client, string json)
    {
        var response = await client.PostAsync(new Uri("/api/v1/matches", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
