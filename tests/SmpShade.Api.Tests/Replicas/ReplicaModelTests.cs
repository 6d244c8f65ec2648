using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Data;
using SmpShade.Api.Tests.Infrastructure;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Replicas;

/// <summary>
/// The healed-tone correction across two real replicas over one PostgreSQL: what an admin promotes or rolls back
/// through one is used by both at once, and two trainings asked of both at once run one after the other.
/// </summary>
[Collection(ReplicaGroup.Name)]
public sealed class ReplicaModelTests
{
    /// <summary>No per-key outcome limit, no background training (these tests train by hand), 20 trees for speed.</summary>
    private static readonly Dictionary<string, string> Learning = new()
    {
        ["HealedToneLearning:MaxOutcomesPerKeyPerHour"] = "0",
        ["HealedToneLearning:AutoTrainAfter"] = "0",
        ["HealedToneLearning:NumberOfTrees"] = "20",
    };

    private static readonly object Skin = new { l = 62.0, a = 9.0, b = 17.0 };
    private static readonly object Hair = new { l = 32.0, a = 3.0, b = 6.0 };

    [PostgresFact]
    public async Task A_correction_promoted_through_one_replica_is_used_by_both_and_so_is_a_rollback()
    {
        await using var database = new ReplicaDatabase();
        var (a, b) = await StartPairAsync(database);
        await RecordLearnableOutcomesAsync(a, b);
        Assert.Equal("physics-only", await CorrectionAsync(a));
        Assert.Equal("physics-only", await CorrectionAsync(b));

        var trained = await (await Admin(a, HttpMethod.Post, "/api/v1/models/healed-tone/train")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(trained.GetProperty("beatsPhysics").GetBoolean(), trained.GetRawText());
        int version = trained.GetProperty("version").GetInt32();

        // Promoted through B: A (which trained it) and B both use it on their next match.
        await (await Admin(b, HttpMethod.Post, $"/api/v1/models/healed-tone/{version}/promote")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"healed-tone-v{version}", await CorrectionAsync(a));
        Assert.Equal($"healed-tone-v{version}", await CorrectionAsync(b));

        // Rolled back through A: both are physics-only again.
        await (await Admin(a, HttpMethod.Post, "/api/v1/models/healed-tone/physics-only")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("physics-only", await CorrectionAsync(a));
        Assert.Equal("physics-only", await CorrectionAsync(b));

        // A replica started after the promotion uses what is in force from its first match.
        await (await Admin(b, HttpMethod.Post, $"/api/v1/models/healed-tone/{version}/promote")).ReadJsonAsync(HttpStatusCode.OK);
        var c = database.Start("replica-c", Learning);
        await c.WaitReadyAsync();
        Assert.Equal($"healed-tone-v{version}", await CorrectionAsync(c));
    }

    [PostgresFact]
    public async Task Trainings_asked_of_both_replicas_at_once_run_one_at_a_time_and_both_store_a_version()
    {
        // With nothing keeping the replicas' trainings apart, both counted the versions while training, took the same
        // next number, and the second to store failed on the unique index (a 500).
        await using var database = new ReplicaDatabase();
        var (a, b) = await StartPairAsync(database);
        await RecordLearnableOutcomesAsync(a, b);

        var both = await Task.WhenAll(
            Admin(a, HttpMethod.Post, "/api/v1/models/healed-tone/train"),
            Admin(b, HttpMethod.Post, "/api/v1/models/healed-tone/train"));
        var versions = await Task.WhenAll(both.Select(r => r.ReadJsonAsync(HttpStatusCode.Created)));
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()).Order());
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM healed_tone_models"));
    }

    private static async Task<(ServiceProcess A, ServiceProcess B)> StartPairAsync(ReplicaDatabase database)
    {
        var replicas = new[] { database.Start("replica-a", Learning), database.Start("replica-b", Learning) };
        await Task.WhenAll(replicas.Select(r => r.WaitReadyAsync()));
        return (replicas[0], replicas[1]);
    }

    /// <summary>
    /// 40 outcomes of sample pigments, alternately through each replica, each healed 12 L* darker and 6 b* bluer than
    /// the physics predicts (the prediction read from a match at the same skin, dilution and fading): a consistent
    /// error a correction learns and beats physics-only on, so it can be promoted.
    /// </summary>
    private static async Task RecordLearnableOutcomesAsync(ServiceProcess a, ServiceProcess b)
    {
        var skins = new[] { (L: 62.0, A: 9.0, B: 17.0), (L: 48.0, A: 12.0, B: 20.0), (L: 70.0, A: 7.0, B: 14.0), (L: 55.0, A: 10.0, B: 18.0) };
        int n = 0;
        foreach (var skin in skins)
        {
            var match = await (await a.Client.PostAsJsonAsync("/api/v1/matches",
                new { skinLab = new { l = skin.L, a = skin.A, b = skin.B }, hairLab = Hair, supplier = "sample", top = 10, years = 1 }))
                .ReadJsonAsync(HttpStatusCode.OK);
            foreach (var candidate in match.GetProperty("candidates").EnumerateArray())
            {
                var healed = candidate.GetProperty("healed").GetProperty("lab");
                var body = new
                {
                    supplier = "sample",
                    sku = candidate.GetProperty("pigment").GetProperty("sku").GetString(),
                    waterParts = candidate.GetProperty("waterParts").GetDouble(),
                    skinLab = new { l = skin.L, a = skin.A, b = skin.B },
                    monthsSinceTreatment = 12,
                    healedLab = new
                    {
                        l = Math.Max(0, healed.GetProperty("l").GetDouble() - 12),
                        a = healed.GetProperty("a").GetDouble(),
                        b = healed.GetProperty("b").GetDouble() - 6,
                    },
                };
                var through = n++ % 2 == 0 ? a : b;
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/outcomes") { Content = JsonContent.Create(body) };
                request.Headers.Add("X-Api-Key", TestKeys.Admin);
                await (await through.Client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created);
            }
        }
    }

    private static async Task<string> CorrectionAsync(ServiceProcess replica)
    {
        var match = await (await replica.Client.PostAsJsonAsync("/api/v1/matches", new { skinLab = Skin, hairLab = Hair, top = 3 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        return match.GetProperty("model").GetProperty("correction").GetString()!;
    }

    private static Task<HttpResponseMessage> Admin(ServiceProcess replica, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", TestKeys.Admin);
        return replica.Client.SendAsync(request);
    }
}
