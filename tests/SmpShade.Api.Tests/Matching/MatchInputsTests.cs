using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Data;
using SmpShade.Api.Matching;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Matching;

/// <summary>
/// On SQLite (one process's database) a match reuses the catalogue and the correction the previous match read until this
/// process stores a catalogue version or a promotion, so bursts of matches stop queueing on the SQLite pool lock; on
/// PostgreSQL (replicas) every match reads. Promotions and rollbacks seen by the next match: TrainingGovernanceTests and
/// AutoPromotionTests, which run on SQLite through these paths.
/// </summary>
public sealed class MatchInputsTests(SmpShadeFactory factory) : IClassFixture<SmpShadeFactory>
{
    private static readonly PreparedCatalogue Empty = new(new PigmentSet([], []));

    [Fact]
    public async Task On_sqlite_a_match_reuses_what_the_last_read_until_this_process_writes()
    {
        var writes = new LocalWrites(processOwnsDatabase: true);
        var inputs = new MatchInputs(writes);
        var read = new CountingRead();
        await inputs.GetAsync(null, null, read.Run, CancellationToken.None);
        await inputs.GetAsync(null, null, read.Run, CancellationToken.None);
        Assert.Equal(1, read.Count);
        await inputs.GetAsync("acme", 2, read.Run, CancellationToken.None); // another catalogue is read for itself
        Assert.Equal(2, read.Count);
        writes.Count();
        await inputs.GetAsync(null, null, read.Run, CancellationToken.None);
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public async Task A_write_that_lands_while_a_match_reads_makes_the_next_match_read_again()
    {
        // The import commits after the match took the generation but before (or while) it read: what it read may predate
        // the import, so it must not be reused.
        var writes = new LocalWrites(processOwnsDatabase: true);
        var inputs = new MatchInputs(writes);
        await inputs.GetAsync(null, null, new CountingRead(during: writes.Count).Run, CancellationToken.None);
        var next = new CountingRead();
        await inputs.GetAsync(null, null, next.Run, CancellationToken.None);
        Assert.Equal(1, next.Count);
        await inputs.GetAsync(null, null, next.Run, CancellationToken.None); // nothing written since that read began
        Assert.Equal(1, next.Count);
    }

    [Fact]
    public async Task On_postgresql_every_match_reads_since_other_replicas_write()
    {
        var inputs = new MatchInputs(new LocalWrites(processOwnsDatabase: false));
        var read = new CountingRead();
        for (int i = 0; i < 3; i++)
        {
            await inputs.GetAsync(null, null, read.Run, CancellationToken.None);
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

    /// <summary>A database read that counts its calls; <c>during</c> runs inside it (a write landing meanwhile).</summary>
    private sealed class CountingRead(Action? during = null)
    {
        public int Count { get; private set; }

        public Task<(PreparedCatalogue, IHealedToneCorrection?)> Run(CancellationToken cancellationToken)
        {
            Count++;
            during?.Invoke();
            return Task.FromResult<(PreparedCatalogue, IHealedToneCorrection?)>((Empty, null));
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
