using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>Outcomes that are physics plus noise only: the trained version is stored, inactive, with its reason.</summary>
public sealed class UnhelpfulCorrectionTests(UnhelpfulCorrectionTests.Factory factory) : IClassFixture<UnhelpfulCorrectionTests.Factory>
{
    /// <summary>A database of its own, without background training (this test trains once, on request).</summary>
    public sealed class Factory : OutcomesFactory
    {
        public Factory() => Settings["HealedToneLearning:AutoTrainAfter"] = "0";
    }

    [Fact]
    public async Task A_correction_trained_on_noise_is_stored_inactive_with_its_reason_and_matches_stay_physics_only()
    {
        await factory.EnsureCatalogueAsync();
        using var admin = factory.Admin();
        foreach (var o in SyntheticOutcomes.Generate(60, biased: false, seed: 41, SyntheticOutcomes.DefaultPhysics()))
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(o))).StatusCode);
        }

        var response = await admin.PostAsync("/api/v1/models/healed-tone/train", null);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var doc = JsonDocument.Parse(text);
        Assert.False(doc.RootElement.GetProperty("active").GetBoolean(), text);
        Assert.False(doc.RootElement.GetProperty("beatsPhysics").GetBoolean(), text);
        Assert.False(doc.RootElement.GetProperty("candidate").GetBoolean(), text);
        Assert.StartsWith("Does not beat physics-only", doc.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(60, doc.RootElement.GetProperty("outcomes").GetInt32());

        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/models/healed-tone"));
        Assert.Equal("physics-only", list.RootElement.GetProperty("active").GetString());
        Assert.Equal(1, list.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(0, list.RootElement.GetProperty("candidates").GetArrayLength());

        // It cannot be promoted either.
        var promote = await admin.PostAsync($"/api/v1/models/healed-tone/{doc.RootElement.GetProperty("version").GetInt32()}/promote", null);
        var problem = await ProblemAssert.IsProblemAsync(promote, HttpStatusCode.Conflict, "model.not_better_than_physics");
        Assert.StartsWith("Does not beat physics-only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var client = factory.CreateClient();
        var match = await client.PostAsync("/api/v1/matches", new StringContent(
            """{"skinLab":{"l":66,"a":11,"b":17},"hairLab":{"l":30,"a":3,"b":5},"top":2}""", System.Text.Encoding.UTF8, "application/json"));
        using var answer = JsonDocument.Parse(await match.Content.ReadAsStringAsync());
        Assert.Equal("physics-only", answer.RootElement.GetProperty("model").GetProperty("correction").GetString());
    }
}
