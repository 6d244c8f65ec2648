using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>Recording and listing outcomes; this collection stays under 30 outcomes (no training happens here).</summary>
[Collection(OutcomesApi.Name)]
public sealed class OutcomeEndpointTests(OutcomesFactory factory)
{
    private static readonly SyntheticOutcome Sample = SyntheticOutcomes.Generate(1, biased: true, seed: 3, SyntheticOutcomes.DefaultPhysics())[0];

    [Fact]
    public async Task Recording_an_outcome_without_a_key_answers_401()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(Sample));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.key_required");
    }

    [Fact]
    public async Task A_supplier_key_may_neither_record_nor_list_outcomes()
    {
        using var client = factory.WithKey(await factory.IssueKeyAsync("supplier"));
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(Sample)), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/outcomes"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task A_clinic_key_records_an_outcome_and_gets_it_back_with_the_physics_prediction()
    {
        await factory.EnsureCatalogueAsync();
        using var client = factory.WithKey(await factory.IssueKeyAsync("clinic"));
        var response = await client.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(Sample, notes: "  crown, left  "));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var doc = JsonDocument.Parse(text);
        var body = doc.RootElement;

        Assert.Equal("synth", body.GetProperty("supplier").GetString());
        Assert.Equal(Sample.Pigment.Sku, body.GetProperty("sku").GetString());
        Assert.Equal(1, body.GetProperty("catalogueVersion").GetInt32());
        Assert.Equal("clinic", body.GetProperty("source").GetString());
        Assert.Equal("entered", body.GetProperty("measurement").GetString());
        Assert.Equal("crown, left", body.GetProperty("notes").GetString());
        Assert.Equal(Sample.Healed.L, body.GetProperty("healedLab").GetProperty("l").GetDouble(), 3);

        // The physics answer is what matching's model predicts for this pigment, dilution, skin and age.
        var physics = body.GetProperty("physics");
        Assert.Equal("adding-doubling-skin-v2@2026-11-30b", physics.GetProperty("model").GetString());
        var predicted = Lab(physics.GetProperty("lab"));
        Assert.True(DeltaE.Ciede2000(predicted, Sample.Features.Physics) < 0.01, $"{predicted} vs {Sample.Features.Physics}");
        // Its ΔE00 is the distance between the measured healed colour and the prediction (independent recomputation).
        Assert.Equal(DeltaE.Ciede2000(Lab(body.GetProperty("healedLab")), predicted), physics.GetProperty("deltaE00").GetDouble(), 2);

        var again = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var stored = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(body.GetProperty("id").GetInt64(), stored.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(physics.GetProperty("deltaE00").GetDouble(), stored.RootElement.GetProperty("physics").GetProperty("deltaE00").GetDouble());
    }

    [Fact]
    public async Task An_outcome_without_a_catalogue_version_is_recorded_against_the_current_one()
    {
        await factory.EnsureCatalogueAsync();
        using var client = factory.Admin();
        var response = await client.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(Sample, catalogueVersion: null));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(1, doc.RootElement.GetProperty("catalogueVersion").GetInt32());
    }

    [Fact]
    public async Task Listing_filters_by_supplier_and_sku_and_pages_newest_first()
    {
        await factory.EnsureCatalogueAsync();
        using var client = factory.Admin();
        var outcomes = SyntheticOutcomes.Generate(4, biased: false, seed: 21, SyntheticOutcomes.DefaultPhysics());
        // Three of one pigment, one of another.
        var skus = new[] { "S-GRY", "S-GRY", "S-GRY", "S-ASH" };
        var ids = new List<long>();
        for (int i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i] with { Pigment = SyntheticOutcomes.Pigments.Single(p => p.Sku == skus[i]) };
            var created = await client.PostAsJsonAsync("/api/v1/outcomes", OutcomesFactory.Body(o));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            ids.Add(doc.RootElement.GetProperty("id").GetInt64());
        }

        using var page1 = JsonDocument.Parse(await client.GetStringAsync("/api/v1/outcomes?supplier=synth&sku=S-GRY&pageSize=2"));
        Assert.Equal(3, page1.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal([ids[2], ids[1]], page1.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));

        using var page2 = JsonDocument.Parse(await client.GetStringAsync("/api/v1/outcomes?supplier=synth&sku=S-GRY&pageSize=2&page=2"));
        Assert.Equal([ids[0]], page2.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));

        using var other = JsonDocument.Parse(await client.GetStringAsync("/api/v1/outcomes?supplier=nobody"));
        Assert.Equal(0, other.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=201")]
    [InlineData("page=2147483647&pageSize=200")] // offset past int.MaxValue: it wrapped negative and served page 1
    public async Task Listing_refuses_bad_paging(string query)
    {
        using var client = factory.Admin();
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/outcomes?" + query), HttpStatusCode.BadRequest, "outcome.paging_invalid");
    }

    [Fact]
    public async Task An_unknown_outcome_id_answers_404()
    {
        using var client = factory.Admin();
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/outcomes/987654321"), HttpStatusCode.NotFound, "outcome.not_found");
    }

    private static Lab Lab(JsonElement e) => new(e.GetProperty("l").GetDouble(), e.GetProperty("a").GetDouble(), e.GetProperty("b").GetDouble());
}
