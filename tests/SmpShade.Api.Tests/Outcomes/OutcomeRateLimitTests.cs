using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>Outcomes are limited per key per hour (counted in the database) and record the key's id, never its secret.</summary>
public sealed class OutcomeRateLimitTests(OutcomeRateLimitTests.Factory factory) : IClassFixture<OutcomeRateLimitTests.Factory>
{
    /// <summary>Three outcomes per key per hour; no training.</summary>
    public sealed class Factory : OutcomesFactory
    {
        public Factory()
        {
            Settings["HealedToneLearning:MaxOutcomesPerKeyPerHour"] = "3";
            Settings["HealedToneLearning:AutoTrainAfter"] = "0";
        }
    }

    [Fact]
    public async Task A_key_past_its_hourly_outcomes_gets_429_with_Retry_After_while_another_key_is_unaffected_and_each_outcome_names_its_key_id()
    {
        await factory.EnsureCatalogueAsync();
        var (firstId, firstKey) = await IssueClinicKeyAsync();
        var (secondId, secondKey) = await IssueClinicKeyAsync();
        var outcomes = SyntheticOutcomes.Generate(5, biased: false, seed: 7, SyntheticOutcomes.DefaultPhysics());
        using var first = factory.WithKey(firstKey);
        for (int i = 0; i < 3; i++)
        {
            var created = await first.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(outcomes[i]));
            string text = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == HttpStatusCode.Created, text);
            using var doc = JsonDocument.Parse(text);
            Assert.Equal(firstId, doc.RootElement.GetProperty("recordedBy").GetString());
            Assert.DoesNotContain(firstKey, text, StringComparison.Ordinal);
        }

        var refused = await first.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(outcomes[3]));
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "outcome.rate_limited");
        Assert.StartsWith("At most 3 outcomes per key per hour", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        int retry = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retry, 3000, 3600); // the oldest of the three was stored moments ago
        Assert.Equal(retry, problem.GetProperty("retryAfterSeconds").GetInt32());

        // The photo form is refused the same way, before its upload is read.
        using var form = new MultipartFormDataContent { { new StringContent("{}"), "outcome" } };
        await ProblemAssert.IsProblemAsync(await first.PostAsync("/api/v1/outcomes", form), HttpStatusCode.TooManyRequests, "outcome.rate_limited");

        using var second = factory.WithKey(secondKey);
        var other = await second.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(outcomes[4]));
        string otherText = await other.Content.ReadAsStringAsync();
        Assert.True(other.StatusCode == HttpStatusCode.Created, otherText);
        using var otherDoc = JsonDocument.Parse(otherText);
        Assert.Equal(secondId, otherDoc.RootElement.GetProperty("recordedBy").GetString());

        // Nothing of the refused requests was stored.
        using var admin = factory.Admin();
        using var page = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/outcomes?pageSize=50"));
        Assert.Equal(3, page.RootElement.GetProperty("items").EnumerateArray().Count(o => o.GetProperty("recordedBy").GetString() == firstId));
    }

    private async Task<(string Id, string Key)> IssueClinicKeyAsync()
    {
        using var admin = factory.Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/keys", new { role = "clinic" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("key").GetString()!);
    }
}
