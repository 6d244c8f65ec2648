using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// The document says of every field what the C# contract says (nullable reference types, read here with
/// <see cref="NullabilityInfoContext"/>), in both directions: a field is nullable in the document exactly when its C#
/// type is and the serializer may write null, and an answer field is required exactly when the serializer always writes
/// it. The rules are worked out here from the types and the document, not by calling the service's filter.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OpenApiNullabilityTests(SmpShadeFactory factory)
{
    /// <summary>Problem extensions the document adds by hand (OpenApiDocumentDetails): no C# property behind them.</summary>
    private static readonly string[] Unions = ["oneOf", "anyOf"];

    private static readonly string[] Combinators = ["allOf", "oneOf", "anyOf"];

    private static readonly string[] ProblemExtensions = ["code", "traceId", "errors", "errorCount", "accepted", "field", "columns", "fields"];

    [Fact]
    public async Task Every_field_is_nullable_in_the_document_exactly_when_the_service_may_write_or_read_null()
    {
        using var doc = await DocumentAsync();
        var wrong = Fields(doc).Where(f => f.Nullable != IsNullable(f.Schema))
            .Select(f => $"{f.Owner}.{f.Name}: document says nullable={!f.Nullable}, the C# contract {f.Nullable}").ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task An_answer_field_is_required_exactly_when_the_serializer_always_writes_it()
    {
        using var doc = await DocumentAsync();
        var wrong = Fields(doc).Where(f => f.Required != f.InRequired)
            .Select(f => $"{f.Owner}.{f.Name}: document says required={f.InRequired}, the C# contract {f.Required}").ToList();
        Assert.Empty(wrong);
    }

    /// <summary>Named cases of each rule, so the sweeps above cannot pass by finding no fields.</summary>
    [Theory]
    [InlineData("MatchCandidate", "explanation", false, true)]   // string, always written
    [InlineData("MatchCandidate", "tier", false, true)]          // enum, always written
    [InlineData("RegionsUsed", "reference", true, true)]         // RegionSpec?, written as null when no reference was sent
    [InlineData("ReferenceInfo", "camera", true, true)]          // CameraCalibration?, likewise
    [InlineData("ReferenceInfo", "model", true, true)]           // string?, written as null
    [InlineData("RegionsUsed", "method", false, false)]          // string? left out when null: absent, never null
    [InlineData("MatchResponse", "analysis", false, false)]      // AnalysisResult? left out when null
    [InlineData("KeyInfo", "revokedAt", true, true)]             // DateTimeOffset?
    [InlineData("MatchRequest", "mode", true, false)]            // request enum, string?: the client may send null or leave it out
    [InlineData("MatchRequest", "skinLab", true, false)]         // request object, LabInput?
    [InlineData("CatalogueJsonPigment", "sku", false, false)]    // request string: not null, but the reader, not the serializer, requires it
    [InlineData("ProblemDetails", "title", false, false)]        // ASP.NET Core leaves a null title out
    public async Task A_field_is_nullable_and_required_as_its_contract_says(string owner, string name, bool nullable, bool required)
    {
        using var doc = await DocumentAsync();
        var field = Assert.Single(Fields(doc), f => f.Owner == owner && f.Name == name);
        Assert.Equal((nullable, required), (field.Nullable, field.Required));
        Assert.Equal((nullable, required), (IsNullable(field.Schema), field.InRequired));
    }

    [Fact]
    public async Task Every_schema_with_fields_is_a_contract_type_and_every_field_a_property_of_it()
    {
        using var doc = await DocumentAsync();
        var unmatched = new List<string>();
        foreach (var schema in Schemas(doc).EnumerateObject().Where(s => s.Value.TryGetProperty("properties", out _)))
        {
            var type = ContractType(schema.Name);
            if (type is null)
            {
                unmatched.Add(schema.Name);
                continue;
            }

            var names = Serialized(type).Select(p => JsonName(p)).ToHashSet();
            unmatched.AddRange(schema.Value.GetProperty("properties").EnumerateObject()
                .Where(p => !names.Contains(p.Name) && !(type == typeof(ProblemDetails) && ProblemExtensions.Contains(p.Name)))
                .Select(p => $"{schema.Name}.{p.Name}"));
            unmatched.AddRange(names.Where(n => !schema.Value.GetProperty("properties").TryGetProperty(n, out _)).Select(n => $"{schema.Name}.{n} (C# only)"));
        }

        Assert.Empty(unmatched);
    }

    /// <summary>
    /// A real match answer keeps the document's word: every required field is there and no field the
    /// document calls not nullable is null, through every nested object.
    /// </summary>
    [Fact]
    public async Task A_match_answer_has_every_required_field_and_no_null_where_the_document_says_none()
    {
        using var doc = await DocumentAsync();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/matches",
            new { skinLab = new { l = 62.0, a = 9.0, b = 17.0 }, hairLab = new { l = 32.0, a = 3.0, b = 6.0 }, top = 3 });
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var answer = JsonDocument.Parse(text);
        var broken = new List<string>();
        Check(doc, Schemas(doc).GetProperty("MatchResponse"), answer.RootElement, "$", broken);
        Assert.Empty(broken);
        Assert.NotEmpty(answer.RootElement.GetProperty("candidates").EnumerateArray());
    }

    private sealed record Field(string Owner, string Name, JsonElement Schema, bool InRequired, bool Nullable, bool Required);

    /// <summary>Every field of every contract schema, with what its C# property says it should be.</summary>
    private static List<Field> Fields(JsonDocument doc)
    {
        var requests = Reached(doc, r => r.Name == "requestBody" || r.Name == "parameters");
        var nullability = new NullabilityInfoContext();
        var fields = new List<Field>();
        foreach (var schema in Schemas(doc).EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties) || ContractType(schema.Name) is not { } type)
            {
                continue;
            }

            var required = schema.Value.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet() : [];
            bool answerOnly = !requests.Contains(schema.Name);
            foreach (var property in Serialized(type))
            {
                if (!properties.TryGetProperty(JsonName(property), out var field))
                {
                    continue;
                }

                // Left out of an answer when null (or default): then it is absent, never written as null.
                bool leftOut = property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;
                bool nullable = nullability.Create(property).ReadState == NullabilityState.Nullable && !(answerOnly && leftOut);
                bool mustSend = property.GetCustomAttribute<JsonRequiredAttribute>() is not null
                    || property.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null;
                fields.Add(new Field(schema.Name, JsonName(property), field, required.Contains(JsonName(property)), nullable,
                    (answerOnly && !leftOut) || mustSend));
            }
        }

        Assert.True(fields.Count > 300, $"only {fields.Count} fields found");
        return fields;
    }

    /// <summary>The service's type behind a schema (Swashbuckle names a schema after its type), or null.</summary>
    private static Type? ContractType(string schema)
    {
        var found = typeof(Program).Assembly.GetTypes().Append(typeof(ProblemDetails))
            .Where(t => t.Name == schema && t.IsPublic && !t.IsGenericType).ToList();
        Assert.True(found.Count <= 1, $"{schema}: {found.Count} types of that name");
        return found.SingleOrDefault();
    }

    private static IEnumerable<PropertyInfo> Serialized(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0
            && p.GetCustomAttribute<JsonExtensionDataAttribute>() is null
            && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>Null is allowed: <c>type</c> lists "null" (3.1), <c>nullable: true</c> (3.0), or a oneOf/anyOf entry is the null type.</summary>
    private static bool IsNullable(JsonElement schema) =>
        (schema.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => t.GetString() == "null") : type.GetString() == "null"))
        || (schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean())
        || Unions.Any(k => schema.TryGetProperty(k, out var options) && options.EnumerateArray().Any(IsNullable));

    /// <summary>The component schemas reached, through <c>$ref</c>, from the operations' members the predicate picks.</summary>
    private static HashSet<string> Reached(JsonDocument doc, Func<JsonProperty, bool> root)
    {
        var reached = new HashSet<string>();
        var pending = new Stack<JsonElement>(doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()).SelectMany(o => o.Value.EnumerateObject()).Where(root).Select(m => m.Value));
        while (pending.TryPop(out var node))
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    pending.Push(item);
                }
            }
            else if (node.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in node.EnumerateObject())
                {
                    if (member.Name == "$ref" && reached.Add(Target(member.Value)))
                    {
                        pending.Push(Schemas(doc).GetProperty(Target(member.Value)));
                    }

                    pending.Push(member.Value);
                }
            }
        }

        return reached;
    }

    /// <summary>Checks a JSON value against the document's required fields and nullability, recursively.</summary>
    private static void Check(JsonDocument doc, JsonElement schema, JsonElement value, string path, List<string> broken)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(doc, Schemas(doc).GetProperty(Target(reference)), value, path, broken);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!IsNullable(schema))
            {
                broken.Add($"{path} is null");
            }

            return;
        }

        foreach (string combinator in Combinators)
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                Check(doc, options.EnumerateArray().First(o => !IsNullable(o)), value, path, broken);
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(doc, items, item, $"{path}[{i++}]", broken);
            }
        }

        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            if (schema.TryGetProperty("required", out var required))
            {
                broken.AddRange(required.EnumerateArray().Where(r => !value.TryGetProperty(r.GetString()!, out _)).Select(r => $"{path}.{r} is missing"));
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var field))
                {
                    Check(doc, field, property.Value, $"{path}.{property.Name}", broken);
                }
                else
                {
                    broken.Add($"{path}.{property.Name} is not in the document");
                }
            }
        }
    }

    private static string Target(JsonElement reference) => reference.GetString()!["#/components/schemas/".Length..];

    private static JsonElement Schemas(JsonDocument doc) => doc.RootElement.GetProperty("components").GetProperty("schemas");

    private async Task<JsonDocument> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
