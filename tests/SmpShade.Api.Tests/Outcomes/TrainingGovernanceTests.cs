using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>
/// Issue 15, item 5: one clinic key floods junk outcomes. Training runs on its own, but what matches use changes only
/// when an admin promotes a version, and an admin can roll back to physics-only or to an earlier version.
/// </summary>
public sealed class TrainingGovernanceTests(TrainingGovernanceTests.Factory factory) : IClassFixture<TrainingGovernanceTests.Factory>
{
    /// <summary>
    /// A database of its own; no per-key limit (this test is about promotion); training every 400 outcomes, with 20
    /// trees instead of 100 (quicker, and still learns a constant offset to 1 − 0.9²⁰ ≈ 88 %).
    /// </summary>
    public sealed class Factory : OutcomesFactory
    {
        public Factory()
        {
            Settings["HealedToneLearning:MaxOutcomesPerKeyPerHour"] = "0";
            Settings["HealedToneLearning:AutoTrainAfter"] = "400";
            Settings["HealedToneLearning:NumberOfTrees"] = "20";
        }
    }

    /// <summary>A standard request: a medium skin, dark brown hair, the synthetic catalogue.</summary>
    private const string Standard = """{"skinLab":{"l":66,"a":11,"b":17},"hairLab":{"l":30,"a":3,"b":5},"top":3}""";

    /// <summary>
    /// The junk: every healed colour reported 12 L* darker and 6 b* bluer than physics predicts. Consistent, so a
    /// correction learns it and beats physics-only on held-out folds of the same junk; darker, so that the physics
    /// choice for dark hair (the darkest pigment neat) stops being the closest.
    /// </summary>
    private static readonly Lab Junk = new(-12, 0, -6);

    [Fact]
    public async Task Junk_outcomes_from_one_clinic_key_change_no_recommendation_until_an_admin_promotes_and_rollback_restores_it()
    {
        await factory.EnsureCatalogueAsync();
        using var admin = factory.Admin();
        var (physicsTop, physicsName) = await TopAsync();
        Assert.Equal("physics-only", physicsName);

        // 1,200 junk outcomes from one clinic key, eight at a time, in three batches of 400: the background trainer
        // trains after each (AutoTrainAfter 400), and each batch waits for that version so the counts are exact.
        string clinicKey = await factory.IssueKeyAsync("clinic");
        var junk = SyntheticOutcomes.Generate(1200, biased: false, seed: 1501, SyntheticOutcomes.DefaultPhysics())
            .Select(o => o with { Healed = new Lab(Math.Clamp(o.Features.Physics.L + Junk.L, 0, 100), o.Features.Physics.A, o.Features.Physics.B + Junk.B) })
            .ToList();
        JsonElement trained = default;
        using (var clinic = factory.WithKey(clinicKey))
        {
            foreach (var batch in junk.Chunk(400).Select((outcomes, i) => (Outcomes: outcomes, Total: 400 * (i + 1))))
            {
                await Parallel.ForEachAsync(batch.Outcomes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (o, ct) =>
                {
                    var posted = await clinic.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(o), ct);
                    Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync(ct));
                });
                trained = await WaitForAutoVersionAsync(admin, batch.Total);
                // Each training leaves the recommendation alone.
                Assert.Equal((physicsTop, "physics-only"), await TopAsync());
            }
        }

        // The background trainer learnt the junk (a version on all 1,200 that beats physics-only on held-out junk) …
        Assert.True(trained.GetProperty("beatsPhysics").GetBoolean(), trained.GetRawText());
        Assert.True(trained.GetProperty("candidate").GetBoolean());
        Assert.False(trained.GetProperty("active").GetBoolean());
        Assert.Equal(1, trained.GetProperty("sourceKeys").GetInt32());
        int junkVersion = trained.GetProperty("version").GetInt32();

        // … and yet the recommendation is the physics one, and the state says physics-only with the junk as a candidate.
        Assert.Equal((physicsTop, "physics-only"), await TopAsync());
        using (var state = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/models/healed-tone")))
        {
            Assert.Equal("physics-only", state.RootElement.GetProperty("active").GetString());
            Assert.Equal(JsonValueKind.Null, state.RootElement.GetProperty("activeVersion").ValueKind);
            Assert.Equal(JsonValueKind.Null, state.RootElement.GetProperty("promotion").ValueKind);
            Assert.Contains(junkVersion, state.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetInt32()));
        }

        // Only an admin may promote or roll back.
        using (var clinic = factory.WithKey(clinicKey))
        using (var supplier = factory.WithKey(await factory.IssueKeyAsync("supplier")))
        using (var anonymous = factory.CreateClient())
        {
            await ProblemAssert.IsProblemAsync(await clinic.PostAsync($"/api/v1/models/healed-tone/{junkVersion}/promote", null), HttpStatusCode.Forbidden, "auth.forbidden");
            await ProblemAssert.IsProblemAsync(await supplier.PostAsync($"/api/v1/models/healed-tone/{junkVersion}/promote", null), HttpStatusCode.Forbidden, "auth.forbidden");
            await ProblemAssert.IsProblemAsync(await clinic.PostAsync("/api/v1/models/healed-tone/physics-only", null), HttpStatusCode.Forbidden, "auth.forbidden");
            await ProblemAssert.IsProblemAsync(await clinic.GetAsync("/api/v1/models/healed-tone"), HttpStatusCode.Forbidden, "auth.forbidden");
            await ProblemAssert.IsProblemAsync(await anonymous.PostAsync($"/api/v1/models/healed-tone/{junkVersion}/promote", null), HttpStatusCode.Unauthorized, "auth.key_required");
        }

        Assert.Equal((physicsTop, "physics-only"), await TopAsync());

        // An admin promotes it: the junk now changes the top pigment (so the test's junk is strong enough to matter).
        string adminId = await factory.AdminKeyIdAsync();
        using (var promoted = await StateAfterAsync(admin.PostAsync($"/api/v1/models/healed-tone/{junkVersion}/promote", null)))
        {
            var promotion = promoted.RootElement.GetProperty("promotion");
            Assert.Equal(junkVersion, promotion.GetProperty("version").GetInt32());
            Assert.Equal("promote", promotion.GetProperty("action").GetString());
            Assert.Equal(adminId, promotion.GetProperty("promotedBy").GetString());
            Assert.True(DateTimeOffset.UtcNow - promotion.GetProperty("promotedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        }

        var (junkTop, junkName) = await TopAsync();
        Assert.Equal($"healed-tone-v{junkVersion}", junkName);
        Assert.NotEqual(physicsTop, junkTop);

        // Rollback to an earlier version (the first automatic training, on 400 outcomes), then to physics-only.
        int earlier = (await WaitForAutoVersionAsync(admin, outcomes: 400)).GetProperty("version").GetInt32();
        using (var back = await StateAfterAsync(admin.PostAsync($"/api/v1/models/healed-tone/{earlier}/promote", null)))
        {
            Assert.Equal("rollback", back.RootElement.GetProperty("promotion").GetProperty("action").GetString());
            Assert.Equal(junkVersion, back.RootElement.GetProperty("promotion").GetProperty("previousVersion").GetInt32());
        }

        Assert.Equal($"healed-tone-v{earlier}", (await TopAsync()).Correction);

        using (var rolledBack = await StateAfterAsync(admin.PostAsync("/api/v1/models/healed-tone/physics-only", null)))
        {
            Assert.Equal("physics-only", rolledBack.RootElement.GetProperty("active").GetString());
            Assert.Equal(["rollback", "rollback", "promote"], rolledBack.RootElement.GetProperty("promotions").EnumerateArray()
                .Select(p => p.GetProperty("action").GetString()));
        }

        Assert.Equal((physicsTop, "physics-only"), await TopAsync());

        // Rolling back again changes nothing and records nothing; an unknown version is a 404.
        using (var again = await StateAfterAsync(admin.PostAsync("/api/v1/models/healed-tone/physics-only", null)))
        {
            Assert.Equal(3, again.RootElement.GetProperty("promotions").GetArrayLength());
        }

        await ProblemAssert.IsProblemAsync(await admin.PostAsync("/api/v1/models/healed-tone/9999/promote", null), HttpStatusCode.NotFound, "model.version_not_found");
    }

    /// <summary>The top candidate of the standard request (sku and water parts) and the correction the answer names.</summary>
    private async Task<(string Top, string Correction)> TopAsync()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/matches", new StringContent(Standard, System.Text.Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var doc = JsonDocument.Parse(text);
        var top = doc.RootElement.GetProperty("candidates")[0];
        string candidate = top.GetProperty("pigment").GetProperty("sku").GetString() + " + "
            + top.GetProperty("waterParts").GetDouble().ToString(CultureInfo.InvariantCulture) + " water";
        return (candidate, doc.RootElement.GetProperty("model").GetProperty("correction").GetString()!);
    }

    private static async Task<JsonDocument> StateAfterAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }

    /// <summary>Waits (up to 5 minutes: training runs in the background) for the automatic version trained on <paramref name="outcomes"/> outcomes.</summary>
    private static async Task<JsonElement> WaitForAutoVersionAsync(HttpClient admin, int outcomes)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            using var state = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/models/healed-tone"));
            foreach (var v in state.RootElement.GetProperty("items").EnumerateArray())
            {
                if (v.GetProperty("trainedBy").GetString() == "auto" && v.GetProperty("outcomes").GetInt32() == outcomes)
                {
                    return v.Clone();
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No automatic training on {outcomes} outcomes within 5 minutes.");
    }
}
