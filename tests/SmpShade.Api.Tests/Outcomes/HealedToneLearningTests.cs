using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>
/// End to end on a database of its own: 200 biased synthetic outcomes through the API, automatic and requested
/// training, the correction in force named by matches, and loaded again after a restart.
/// </summary>
public sealed class HealedToneLearningTests(HealedToneLearningTests.Factory factory) : IClassFixture<HealedToneLearningTests.Factory>
{
    /// <summary>A factory of its own: this class fills its database with outcomes.</summary>
    public sealed class Factory : OutcomesFactory;

    private const string Match = """{"skinLab":{"l":66,"a":11,"b":17},"hairLab":{"l":30,"a":3,"b":5},"top":3}""";

    [Fact]
    public async Task Biased_outcomes_train_an_active_correction_that_matches_name_and_that_survives_a_restart()
    {
        await factory.EnsureCatalogueAsync();
        using var clinic = factory.WithKey(await factory.IssueKeyAsync("clinic"));
        using var admin = factory.Admin();
        foreach (var o in SyntheticOutcomes.Generate(200, biased: true, seed: 31, SyntheticOutcomes.DefaultPhysics()))
        {
            var posted = await clinic.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(o));
            Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        }

        // 30+ new outcomes start a background training: wait for its version (the requests above never waited for it).
        var deadline = DateTime.UtcNow.AddMinutes(3);
        JsonElement auto = default;
        while (DateTime.UtcNow < deadline && auto.ValueKind == JsonValueKind.Undefined)
        {
            using var versions = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/models/healed-tone"));
            foreach (var v in versions.RootElement.GetProperty("items").EnumerateArray().Where(v => v.GetProperty("trainedBy").GetString() == "auto"))
            {
                auto = v.Clone();
            }

            await Task.Delay(250);
        }

        Assert.True(auto.ValueKind == JsonValueKind.Object, "no automatic training happened after 200 outcomes");
        Assert.True(auto.GetProperty("outcomes").GetInt32() >= 30);
        // Trained on its own, but not in force: matches stay physics-only until an admin promotes a version.
        Assert.False(auto.GetProperty("active").GetBoolean());
        Assert.Equal("physics-only", await CorrectionNamedByMatchAsync(factory.CreateClient()));

        var trained = await admin.PostAsync("/api/v1/models/healed-tone/train", null);
        string text = await trained.Content.ReadAsStringAsync();
        Assert.True(trained.StatusCode == HttpStatusCode.Created, text);
        using var doc = JsonDocument.Parse(text);
        var version = doc.RootElement;
        var cv = version.GetProperty("crossValidation");
        Assert.Equal(200, version.GetProperty("outcomes").GetInt32());
        Assert.Equal(1, version.GetProperty("sourceKeys").GetInt32());
        Assert.Equal(5, cv.GetProperty("folds").GetInt32());
        Assert.True(cv.GetProperty("correctedDeltaE00").GetDouble() < 0.6 * cv.GetProperty("physicsOnlyDeltaE00").GetDouble(), text);
        Assert.True(version.GetProperty("beatsPhysics").GetBoolean(), text);
        Assert.True(version.GetProperty("candidate").GetBoolean(), text);
        Assert.False(version.GetProperty("active").GetBoolean(), text);
        int number = version.GetProperty("version").GetInt32();
        string name = version.GetProperty("name").GetString()!;
        Assert.Equal($"healed-tone-v{number}", name);
        Assert.Equal("physics-only", await CorrectionNamedByMatchAsync(factory.CreateClient()));

        // The admin promotes it: listed as the one in force, by that admin key's id, and named by matches.
        var promoted = await admin.PostAsync($"/api/v1/models/healed-tone/{number}/promote", null);
        Assert.True(promoted.StatusCode == HttpStatusCode.OK, await promoted.Content.ReadAsStringAsync());
        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/models/healed-tone"));
        Assert.Equal(name, list.RootElement.GetProperty("active").GetString());
        Assert.Equal(number, list.RootElement.GetProperty("activeVersion").GetInt32());
        Assert.Equal([name], list.RootElement.GetProperty("items").EnumerateArray().Where(v => v.GetProperty("active").GetBoolean())
            .Select(v => v.GetProperty("name").GetString()));
        Assert.DoesNotContain(number, list.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal("promote", list.RootElement.GetProperty("promotion").GetProperty("action").GetString());
        Assert.Equal(await factory.AdminKeyIdAsync(), list.RootElement.GetProperty("promotion").GetProperty("promotedBy").GetString());

        Assert.Equal(name, await CorrectionNamedByMatchAsync(factory.CreateClient()));

        // A restart on the same database uses the promoted version.
        using (var restarted = new Restarted(factory.DataFolder))
        {
            Assert.Equal(name, await CorrectionNamedByMatchAsync(restarted.CreateClient()));
        }

        // Other physics parameters: the promoted correction learnt other residuals, so it is not used; retraining
        // predicts the physics of every outcome again and gives a version for the new parameters, which can be promoted.
        using var changed = new Restarted(factory.DataFolder, parametersVersion: "2099-01-01");
        Assert.Equal("physics-only", await CorrectionNamedByMatchAsync(changed.CreateClient()));
        using var changedAdmin = changed.Admin();
        var retrained = await changedAdmin.PostAsync("/api/v1/models/healed-tone/train", null);
        string again = await retrained.Content.ReadAsStringAsync();
        Assert.True(retrained.StatusCode == HttpStatusCode.Created, again);
        using var retrainedDoc = JsonDocument.Parse(again);
        Assert.Equal("adding-doubling-skin-v2@2099-01-01", retrainedDoc.RootElement.GetProperty("physicsModel").GetString());
        Assert.True(retrainedDoc.RootElement.GetProperty("beatsPhysics").GetBoolean(), again);
        // The old version cannot be promoted under the new physics; the retrained one can.
        await ProblemAssert.IsProblemAsync(await changedAdmin.PostAsync($"/api/v1/models/healed-tone/{number}/promote", null),
            HttpStatusCode.Conflict, "model.physics_changed");
        int retrainedNumber = retrainedDoc.RootElement.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await changedAdmin.PostAsync($"/api/v1/models/healed-tone/{retrainedNumber}/promote", null)).StatusCode);
        Assert.Equal(retrainedDoc.RootElement.GetProperty("name").GetString(), await CorrectionNamedByMatchAsync(changed.CreateClient()));
    }

    private static async Task<string?> CorrectionNamedByMatchAsync(HttpClient client)
    {
        using (client)
        {
            var response = await client.PostAsync("/api/v1/matches", new StringContent(Match, System.Text.Encoding.UTF8, "application/json"));
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.GetProperty("model").GetProperty("correction").GetString();
        }
    }

    /// <summary>A second host on the first one's database folder.</summary>
    private sealed class Restarted : OutcomesFactory
    {
        public Restarted(string folder, string? parametersVersion = null)
        {
            Settings["Database:DataDirectory"] = folder;
            if (parametersVersion is not null)
            {
                Settings["HealedTone:ParametersVersion"] = parametersVersion;
            }
        }
    }
}
