using System.Net;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>The model routes where too few outcomes exist to train (this collection stays under 30).</summary>
[Collection(OutcomesApi.Name)]
public sealed class ModelEndpointTests(OutcomesFactory factory)
{
    [Fact]
    public async Task Training_and_listing_models_need_an_admin_key()
    {
        using var anonymous = factory.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsync("/api/v1/models/healed-tone/train", null), HttpStatusCode.Unauthorized, "auth.key_required");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/v1/models/healed-tone"), HttpStatusCode.Unauthorized, "auth.key_required");

        using var clinic = factory.WithKey(await factory.IssueKeyAsync("clinic"));
        await ProblemAssert.IsProblemAsync(await clinic.PostAsync("/api/v1/models/healed-tone/train", null), HttpStatusCode.Forbidden, "auth.forbidden");
        using var supplier = factory.WithKey(await factory.IssueKeyAsync("supplier"));
        await ProblemAssert.IsProblemAsync(await supplier.GetAsync("/api/v1/models/healed-tone"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Training_with_fewer_than_30_outcomes_answers_409_not_enough_outcomes_and_stores_no_version()
    {
        using var admin = factory.Admin();
        var response = await admin.PostAsync("/api/v1/models/healed-tone/train", null);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "model.not_enough_outcomes");
        Assert.Equal(30, problem.GetProperty("minimum").GetInt32());
        Assert.True(problem.GetProperty("outcomes").GetInt32() < 30);

        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/models/healed-tone"));
        Assert.Equal(0, list.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("physics-only", list.RootElement.GetProperty("active").GetString());
    }

    [Fact]
    public async Task Without_a_correction_in_force_matches_name_physics_only()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/matches", new StringContent(
            """{"skinLab":{"l":66,"a":11,"b":17},"hairLab":{"l":30,"a":3,"b":5},"top":2}""", System.Text.Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal("physics-only", doc.RootElement.GetProperty("model").GetProperty("correction").GetString());
    }
}
