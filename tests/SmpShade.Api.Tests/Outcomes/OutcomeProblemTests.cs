using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>Bad outcomes: 4xx problems with stable codes, and nothing stored.</summary>
[Collection(OutcomesApi.Name)]
public sealed class OutcomeProblemTests(OutcomesFactory factory)
{
    private const string Valid = """
        {"supplier":"synth","sku":"S-BLK","catalogueVersion":1,"waterParts":1,"skinLab":{"l":65,"a":12,"b":18},
         "monthsSinceTreatment":6,"healedLab":{"l":42,"a":2,"b":-1},"notes":"ok"}
        """;

    public static TheoryData<string, string, string, int, string, string?> Cases => new()
    {
        // name, path to change, new JSON value ("-" removes it), status, code, field
        { "skin L* above 100", "skinLab.l", "120", 400, "outcome.invalid_lab", "skinLab" },
        { "healed a* beyond ±128", "healedLab.a", "200", 400, "outcome.invalid_lab", "healedLab" },
        { "healed Lab missing", "healedLab", "-", 400, "outcome.invalid_lab", "healedLab" },
        { "a Lab channel missing", "skinLab.b", "-", 400, "outcome.invalid_lab", "skinLab" },
        { "negative months", "monthsSinceTreatment", "-1", 400, "outcome.months_out_of_range", "monthsSinceTreatment" },
        { "months missing", "monthsSinceTreatment", "-", 400, "outcome.months_out_of_range", "monthsSinceTreatment" },
        { "negative water", "waterParts", "-0.5", 400, "outcome.water_parts_out_of_range", "waterParts" },
        { "no sku", "sku", "-", 400, "outcome.pigment_missing", "sku" },
        { "blank supplier", "supplier", "\"  \"", 400, "outcome.pigment_missing", "supplier" },
        { "version 0", "catalogueVersion", "0", 400, "outcome.catalogue_version_invalid", "catalogueVersion" },
        { "notes too long", "notes", JsonSerializer.Serialize(new string('x', 2001)), 400, "outcome.notes_too_long", "notes" },
        // System.Text.Json reads a number that overflows double as infinity: the finite check must catch it.
        { "skin L* overflowing to infinity", "skinLab.l", "1e999", 400, "outcome.invalid_lab", "skinLab" },
        { "months overflowing to infinity", "monthsSinceTreatment", "1e999", 400, "outcome.months_out_of_range", "monthsSinceTreatment" },
        { "unknown field", "colour", "1", 400, "request.invalid_json", null },
        { "Lab as text", "skinLab.l", "\"65\"", 400, "request.invalid_json", null },
        { "unknown supplier", "supplier", "\"nobody\"", 404, "catalogue.supplier_not_found", null },
        { "unknown version", "catalogueVersion", "9", 404, "catalogue.version_not_found", null },
        { "unknown sku", "sku", "\"S-NONE\"", 404, "outcome.pigment_not_found", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_outcome_answers_a_problem_with_a_stable_code_and_stores_nothing(
        string name, string path, string value, int status, string code, string? field)
    {
        await factory.EnsureCatalogueAsync();
        using var client = factory.Admin();
        int before = await CountAsync(client);

        var body = JsonNode.Parse(Valid)!.AsObject();
        string[] parts = path.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        if (value == "-")
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(value);
        }

        var response = await client.PostAsync("/api/v1/outcomes", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status, code);
        Assert.True(field is null || problem.GetProperty("field").GetString() == field, $"{name}: {problem}");
        Assert.Equal(before, await CountAsync(client));
    }

    [Theory]
    [InlineData("""{"supplier":"synth","sku":"S-BLK","waterParts":NaN}""")]
    [InlineData("""{"supplier":"synth",""")]
    [InlineData("[]")]
    public async Task Malformed_JSON_and_non_finite_numbers_answer_400_invalid_json(string json)
    {
        using var client = factory.Admin();
        var response = await client.PostAsync("/api/v1/outcomes", new StringContent(json, Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_json");
    }

    [Fact]
    public async Task A_body_that_is_neither_JSON_nor_a_form_answers_415()
    {
        using var client = factory.Admin();
        var response = await client.PostAsync("/api/v1/outcomes", new StringContent(Valid, Encoding.UTF8, "text/plain"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    private static async Task<int> CountAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/outcomes?pageSize=1"));
        return doc.RootElement.GetProperty("total").GetInt32();
    }
}
