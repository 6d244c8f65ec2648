using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Tests.Photos.Synthetic;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// Fields with a fixed vocabulary are enums in the OpenAPI document, so a generated client offers the values
/// (Client/KiotaClientTests uses them); fields docs/api.md calls open (new values may appear) are plain strings.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OpenApiEnumTests(SmpShadeFactory factory)
{
    private static readonly string[] ReferenceTypes = ["none", "greyCard", "colorChecker24"];
    private static readonly string[] Bases = ["carbon", "iron-oxide", "organic", "mixed"];
    private static readonly string[] Illuminants = ["D50", "D65"];
    private static readonly string[] Specular = ["included", "excluded"];
    private static readonly string[] Roles = ["admin", "supplier", "clinic"];

    /// <summary>
    /// The vocabularies as docs/api.md spells them (written here by hand from the docs, not from the service's constants,
    /// so a value added to or dropped from the code without the docs fails).
    /// </summary>
    public static TheoryData<string, string, string[]> Closed => new()
    {
        // requests
        { "MatchRequest", "mode", ["hair", "custom", "scar"] },
        { "MatchRequest", "skinReference", ReferenceTypes },
        { "ReferenceSpec", "type", ReferenceTypes },
        { "CreateKeyRequest", "role", Roles },
        { "CatalogueJson", "illuminant", Illuminants },
        { "CatalogueJson", "specular", Specular },
        { "CatalogueJsonPigment", "base", Bases },
        { "CatalogueJsonPigment", "illuminant", Illuminants },
        // answers: echoes of a request vocabulary, or sets closed by what they name
        { "MatchResponse", "mode", ["hair", "custom", "scar"] },
        { "MatchCandidate", "tier", ["imperceptible", "acceptable", "visible"] },
        { "MatchBlend", "tier", ["imperceptible", "acceptable", "visible"] },
        { "PigmentSummary", "base", Bases },
        { "PigmentResponse", "base", Bases },
        { "MeasuredValue", "illuminant", Illuminants },
        { "ReferenceInfo", "type", ReferenceTypes },
        { "ReferenceInfo", "cornersFound", ["given", "detected"] },
        { "SkinColour", "itaCategory", ["veryLight", "light", "intermediate", "tan", "brown", "dark"] },
        { "CreatedKey", "role", Roles },
        { "KeyInfo", "role", Roles },
        { "ImportResult", "specularComponent", Specular },
        { "VersionResponse", "specularComponent", Specular },
        { "OutcomeResponse", "measurement", ["entered", "photo"] },
        { "PromotionResponse", "action", ["promote", "rollback"] },
    };

    [Theory]
    [MemberData(nameof(Closed))]
    public async Task A_field_with_a_fixed_vocabulary_is_an_enum_of_exactly_its_wire_values(string schema, string property, string[] values)
    {
        using var doc = await DocumentAsync();
        var field = Schemas(doc).GetProperty(schema).GetProperty("properties").GetProperty(property);
        Assert.Equal(values, Enum(doc, field));
    }

    /// <summary>
    /// Every enum field the C# contract declares nullable (<c>string?</c>, read by <see cref="NullabilityInfoContext"/>
    /// from the service's own types, so a field added later is covered) is optional in the document (not in its
    /// schema's <c>required</c>) and still its enum, so a generated client can leave it out instead of sending a first
    /// member it never chose (a pigment's illuminant "D50" overriding the catalogue's D65). Where it may also be null
    /// (OpenApiNullabilityTests), the OpenAPI 3.1 <c>oneOf: [$ref, {type: "null"}]</c> must still resolve to the enum, the
    /// form Kiota keeps typed.
    /// </summary>
    public static TheoryData<string, string> NullableEnumFields()
    {
        var nullability = new NullabilityInfoContext();
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(WireValuesAttribute).Assembly.GetTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<WireValuesAttribute>() is not null
                    && nullability.Create(property).ReadState == NullabilityState.Nullable)
                {
                    data.Add(type.Name, property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_nullable_enum_fields_are_found_in_the_contracts()
    {
        // The reflection above must find the request fields the review named, or the theory below checks nothing.
        var found = NullableEnumFields().Select(row => $"{row[0]}.{row[1]}").ToHashSet();
        Assert.Superset(new HashSet<string> { "MatchRequest.mode", "MatchRequest.skinReference", "ReferenceSpec.type", "CreateKeyRequest.role",
            "CatalogueJson.illuminant", "CatalogueJson.specular", "CatalogueJsonPigment.illuminant" }, found);
    }

    [Theory]
    [MemberData(nameof(NullableEnumFields))]
    public async Task A_nullable_enum_field_is_optional_and_still_its_enum(string schema, string property)
    {
        using var doc = await DocumentAsync();
        var owner = Schemas(doc).GetProperty(schema);
        var field = owner.GetProperty("properties").GetProperty(property);
        Assert.False(owner.TryGetProperty("required", out var required) && required.EnumerateArray().Any(r => r.GetString() == property),
            $"{schema}.{property} is required");
        Assert.NotNull(Enum(doc, field));
    }

    [Theory]
    [InlineData("/api/v1/suppliers/{supplier}/pigments", "get", "base", new[] { "carbon", "iron-oxide", "organic", "mixed" })]
    [InlineData("/api/v1/suppliers/{supplier}/catalogue", "put", "specular", new[] { "included", "excluded" })]
    public async Task A_query_parameter_with_a_fixed_vocabulary_is_an_enum_of_exactly_its_wire_values(string path, string method, string name, string[] values)
    {
        using var doc = await DocumentAsync();
        var parameter = doc.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
        Assert.Equal(values, Enum(doc, parameter.GetProperty("schema")));
    }

    /// <summary>docs/api.md ("Enums") says these may gain values, so an older client must still read them.</summary>
    [Theory]
    [InlineData("PhotoWarning", "code")]
    [InlineData("ProblemDetails", "code")]
    [InlineData("ReferenceInfo", "model")]
    [InlineData("ReferenceInfo", "skinModel")]
    [InlineData("RegionsUsed", "method")]
    [InlineData("RegionsUsed", "skinPlace")]
    [InlineData("ProfileInfo", "name")]
    [InlineData("OutcomeResponse", "source")]
    [InlineData("VersionResponse", "sourceFormat")]
    [InlineData("ModelSummary", "correction")]
    public async Task A_field_documented_as_open_is_a_plain_string(string schema, string property)
    {
        using var doc = await DocumentAsync();
        var field = Schemas(doc).GetProperty(schema).GetProperty("properties").GetProperty(property);
        // A string, or string-or-null where the field may be null (OpenAPI 3.1's type list).
        var type = field.GetProperty("type");
        string[] types = type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
        Assert.Equal(["string"], types.Where(t => t != "null"));
        Assert.Null(Enum(doc, field));
    }

    [Fact]
    public async Task Every_value_the_document_lists_for_a_request_is_accepted_and_a_value_outside_it_is_refused()
    {
        using var doc = await DocumentAsync();
        var client = factory.CreateClient();
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Admin);
        var request = Schemas(doc).GetProperty("MatchRequest").GetProperty("properties");

        foreach (string mode in Enum(doc, request.GetProperty("mode"))!)
        {
            string target = mode == "custom" ? "\"targetLab\"" : "\"hairLab\"";
            var answer = await client.PostAsync(new Uri("/api/v1/matches", UriKind.Relative),
                Json($$"""{"skinLab": {"l": 62, "a": 9, "b": 17}, {{target}}: {"l": 45, "a": 6, "b": 12}, "mode": "{{mode}}", "top": 1}"""));
            Assert.True(answer.IsSuccessStatusCode, $"mode {mode}: {await answer.Content.ReadAsStringAsync()}");
        }

        foreach (string reference in Enum(doc, request.GetProperty("skinReference"))!)
        {
            var answer = await client.PostAsync(new Uri("/api/v1/matches", UriKind.Relative),
                Json($$"""{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "skinReference": "{{reference}}", "top": 1}"""));
            Assert.True(answer.IsSuccessStatusCode, $"skinReference {reference}: {await answer.Content.ReadAsStringAsync()}");
        }

        foreach (string role in Enum(doc, Schemas(doc).GetProperty("CreateKeyRequest").GetProperty("properties").GetProperty("role"))!)
        {
            var answer = await admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative),
                new { role, supplier = role == "supplier" ? "enum-acme" : null, name = "enum " + role });
            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"role {role}: {await answer.Content.ReadAsStringAsync()}");
        }

        var paths = doc.RootElement.GetProperty("paths");
        foreach (string @base in Enum(doc, Parameter(paths, "/api/v1/suppliers/{supplier}/pigments", "get", "base"))!)
        {
            var answer = await client.GetAsync(new Uri($"/api/v1/suppliers/sample/pigments?base={@base}", UriKind.Relative));
            Assert.True(answer.IsSuccessStatusCode, $"base {@base}: {await answer.Content.ReadAsStringAsync()}");
        }

        const string csv = "sku,name,l,a,b,illuminant,base,water_parts\nONE,One,30,5,8,D65,carbon,0;3\n";
        foreach (string specular in Enum(doc, Parameter(paths, "/api/v1/suppliers/{supplier}/catalogue", "put", "specular"))!)
        {
            var answer = await admin.PutAsync(new Uri($"/api/v1/suppliers/enum-acme/catalogue?dryRun=true&specular={specular}", UriKind.Relative),
                new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"specular {specular}: {await answer.Content.ReadAsStringAsync()}");
        }

        // A JSON catalogue: every value of its own illuminant and specular, and of a pigment's base and illuminant.
        var catalogue = Schemas(doc).GetProperty("CatalogueJson").GetProperty("properties");
        var pigment = Schemas(doc).GetProperty("CatalogueJsonPigment").GetProperty("properties");
        foreach (string illuminant in Enum(doc, catalogue.GetProperty("illuminant"))!)
        {
            await DryRunAcceptedAsync(admin, $"illuminant {illuminant}", CatalogueJson($"\"illuminant\": \"{illuminant}\"", ""));
        }

        foreach (string specular in Enum(doc, catalogue.GetProperty("specular"))!)
        {
            var answer = await DryRunAcceptedAsync(admin, $"specular {specular}", CatalogueJson($"\"illuminant\": \"D65\", \"specular\": \"{specular}\"", ""));
            Assert.Equal(specular, answer.GetProperty("specularComponent").GetString());
        }

        foreach (string @base in Enum(doc, pigment.GetProperty("base"))!)
        {
            await DryRunAcceptedAsync(admin, $"pigment base {@base}", CatalogueJson("\"illuminant\": \"D65\"", "", @base));
        }

        foreach (string illuminant in Enum(doc, pigment.GetProperty("illuminant"))!)
        {
            // No catalogue-level illuminant: the pigment's own is what the import needs.
            await DryRunAcceptedAsync(admin, $"pigment illuminant {illuminant}", CatalogueJson("", $", \"illuminant\": \"{illuminant}\""));
        }

        // The analysis options' reference.type: each through a synthetic photo that has a grey card and a chart.
        var (illuminantName, spd) = ReferenceAccuracy.Illuminants[0];
        var (sceneName, skin, hair) = ReferenceAccuracy.Scenes[0];
        var photo = SyntheticScene.Render($"{sceneName} under {illuminantName}", spd, skin, hair, 7);
        foreach (string type in Enum(doc, Schemas(doc).GetProperty("ReferenceSpec").GetProperty("properties").GetProperty("type"))!)
        {
            using var analysis = await EndToEndAccuracyTests.AnalyseAsync(client, photo, type);
            Assert.Equal(type, analysis.RootElement.GetProperty("reference").GetProperty("type").GetString());
        }

        // And one value outside each list is refused: the whole problem body (status, code, title, detail, extensions).
        await WholeProblemAsync(await client.PostAsync(new Uri("/api/v1/matches", UriKind.Relative),
                Json("""{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "mode": "wig"}""")),
            HttpStatusCode.BadRequest, "match.unknown_mode", "Unknown mode", "Mode 'wig' is not one of hair, custom, scar.");
        var skinReference = await WholeProblemAsync(await client.PostAsync(new Uri("/api/v1/matches", UriKind.Relative),
                Json("""{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "skinReference": "whiteCard"}""")),
            HttpStatusCode.BadRequest, "match.skin_reference_invalid", "Unknown skinReference",
            "skinReference must be one of none, greyCard, colorChecker24 (the analysis answer's reference.type).");
        Assert.Equal("skinReference", skinReference.GetProperty("field").GetString());
        await WholeProblemAsync(await admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { role = "owner", name = "enum owner" }),
            HttpStatusCode.BadRequest, "key.role_invalid", "Unknown role.", "role must be admin, supplier or clinic.");
        await WholeProblemAsync(await client.GetAsync(new Uri("/api/v1/suppliers/sample/pigments?base=acrylic", UriKind.Relative)),
            HttpStatusCode.BadRequest, "catalogue.filter_invalid", "Unknown base.", "base is one of carbon, iron-oxide, organic, mixed.");
        await WholeProblemAsync(await admin.PutAsync(new Uri("/api/v1/suppliers/enum-acme/catalogue?dryRun=true&specular=glossy", UriKind.Relative),
                new StringContent(csv, Encoding.UTF8, "text/csv")),
            HttpStatusCode.BadRequest, "catalogue.specular_invalid", "Unknown specular component.", "specular must be included (SCI) or excluded (SCE); got 'glossy'.");
        await WholeProblemAsync(await admin.PutAsync(new Uri("/api/v1/suppliers/enum-acme/catalogue?dryRun=true", UriKind.Relative),
                CatalogueJson("\"illuminant\": \"D65\", \"specular\": \"glossy\"", "")),
            HttpStatusCode.UnprocessableEntity, "catalogue.specular_invalid", "Unknown specular component.", "specular must be included (SCI) or excluded (SCE); got 'glossy'.");
        await RowProblemAsync(admin, CatalogueJson("\"illuminant\": \"D65\"", "", "acrylic"), "base", "'acrylic' is not one of carbon, iron-oxide, organic, mixed");
        await RowProblemAsync(admin, CatalogueJson("", ", \"illuminant\": \"A\""), "illuminant", "'A' is not D50 or D65");
        using (var form = new MultipartFormDataContent())
        {
            using var image = new ByteArrayContent(photo.Jpeg);
            image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(image, "photo", "synthetic.jpg");
            form.Add(Json("""{"reference": {"type": "whiteCard"}}"""), "options");
            await WholeProblemAsync(await client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), form),
                HttpStatusCode.BadRequest, "reference.unknown_type", "Unknown reference type.", "'whiteCard' is not one of: none, greyCard, colorChecker24.");
        }
    }

    /// <summary>A one-pigment JSON catalogue: <paramref name="top"/> at the top level, <paramref name="inPigment"/> after the pigment's own fields.</summary>
    private static StringContent CatalogueJson(string top, string inPigment, string @base = "carbon") => Json(
        $$"""{{{top}}{{(top.Length > 0 ? ", " : "")}}"pigments": [{"sku": "ONE", "name": "One", "base": "{{@base}}", "lab": {"l": 30, "a": 5, "b": 8}, "waterParts": [0, 3]{{inPigment}}}]}""");

    private static async Task<JsonElement> DryRunAcceptedAsync(HttpClient admin, string what, StringContent body)
    {
        var answer = await admin.PutAsync(new Uri("/api/v1/suppliers/enum-acme/catalogue?dryRun=true", UriKind.Relative), body);
        string text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{what}: {text}");
        using var parsed = JsonDocument.Parse(text);
        return parsed.RootElement.Clone();
    }

    /// <summary>A problem body as the project's problem tests check it: status, content type, code, title and detail, exactly.</summary>
    private static async Task<JsonElement> WholeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string title, string detail)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, status, code);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        return problem;
    }

    /// <summary>A JSON catalogue refused for one pigment's field: 422 catalogue.row_invalid naming the row, column and reason.</summary>
    private static async Task RowProblemAsync(HttpClient admin, StringContent body, string column, string reason)
    {
        var problem = await ProblemAssert.IsProblemAsync(await admin.PutAsync(new Uri("/api/v1/suppliers/enum-acme/catalogue?dryRun=true", UriKind.Relative), body),
            HttpStatusCode.UnprocessableEntity, "catalogue.row_invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("row").GetInt32());
        Assert.Equal(column, error.GetProperty("column").GetString());
        Assert.Equal(reason, error.GetProperty("reason").GetString());
    }

    /// <summary>
    /// The enum of a field: its own, or that of the schema it references (directly, as the one allOf entry, or as the one
    /// oneOf entry besides <c>{type: "null"}</c>).
    /// </summary>
    private static string[]? Enum(JsonDocument doc, JsonElement field)
    {
        if (field.TryGetProperty("enum", out var values))
        {
            return [.. values.EnumerateArray().Select(v => v.GetString()!)];
        }

        if (field.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
        {
            return Enum(doc, all[0]);
        }

        if (field.TryGetProperty("oneOf", out var one) && one.GetArrayLength() == 2
            && one.EnumerateArray().Count(o => o.TryGetProperty("type", out var t) && t.GetString() == "null") == 1)
        {
            return Enum(doc, one.EnumerateArray().Single(o => !o.TryGetProperty("type", out var t) || t.GetString() != "null"));
        }

        return field.TryGetProperty("$ref", out var reference)
            ? Enum(doc, Schemas(doc).GetProperty(reference.GetString()!["#/components/schemas/".Length..]))
            : null;
    }

    private static JsonElement Parameter(JsonElement paths, string path, string method, string name) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

    private static JsonElement Schemas(JsonDocument doc) => doc.RootElement.GetProperty("components").GetProperty("schemas");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonDocument> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
