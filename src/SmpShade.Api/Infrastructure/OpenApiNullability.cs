using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Null and presence as the C# contracts say them (nullable reference types), so a generated client types a field
/// optional or nullable only where the service may leave it out or send null:
/// <list type="bullet">
/// <item>A field is nullable exactly when its C# type is (<c>string?</c>, <c>int?</c>, <c>RegionSpec?</c>), except an
/// answer field the serializer leaves out when null (<c>JsonIgnoreCondition.WhenWritingNull</c>), which is never null on
/// the wire, only absent. A nullable primitive or array is <c>type: [..., "null"]</c> (OpenAPI 3.1); a nullable object
/// or enum is <c>oneOf: [$ref, {type: "null"}]</c>, which Kiota reads as the typed object or enum.</item>
/// <item>In a schema that only answers carry, every field the serializer always writes is <c>required</c>. In a schema a
/// request can carry, only what the code itself requires (<c>[JsonRequired]</c>, a C# <c>required</c> member); the
/// fields a handler checks by hand (a match's <c>skinLab</c>) are described in words instead.</item>
/// </list>
/// Which schemas answers or requests carry is read from the finished document: everything a response reaches through
/// <c>$ref</c>, and everything a request body or parameter reaches. OpenApiNullabilityTests compares the result with
/// the contract types by reflection.
/// </summary>
internal sealed class OpenApiNullability : ISchemaFilter, IDocumentFilter
{
    // The component schema of each contract type, as Swashbuckle built it; read back by the document filter.
    private static readonly ConditionalWeakTable<IOpenApiSchema, Type> ContractTypes = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Properties.Count: > 0 })
        {
            ContractTypes.AddOrUpdate(schema, context.Type);
        }
    }

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var requests = Reached(schemas, swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => new object?[] { o.RequestBody, o.Parameters }));
        var nullability = new NullabilityInfoContext();
        foreach (var (name, component) in schemas)
        {
            if (component is not OpenApiSchema { Properties: { } properties } schema || !ContractTypes.TryGetValue(component, out var type))
            {
                continue;
            }

            bool answerOnly = !requests.Contains(name);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                string json = JsonName(property);
                if (!properties.TryGetValue(json, out var field))
                {
                    continue;
                }

                bool written = AlwaysWritten(property);
                bool nullable = nullability.Create(property).ReadState == NullabilityState.Nullable && (written || !answerOnly);
                properties[json] = WithNull(field, nullable);
                bool required = (answerOnly && written) || DeclaredRequired(property);
                schema.Required ??= new HashSet<string>();
                if (required)
                {
                    schema.Required.Add(json);
                }
                else
                {
                    schema.Required.Remove(json);
                }
            }

            if (schema.Required is { Count: 0 })
            {
                schema.Required = null;
            }
        }
    }

    /// <summary>The name the serializer writes: <c>[JsonPropertyName]</c> or the camel-case name (the web defaults).</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>Written on every answer, null or not: no <c>[JsonIgnore]</c> condition that leaves it out.</summary>
    public static bool AlwaysWritten(PropertyInfo property) =>
        property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition is not (JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault);

    /// <summary>A request must carry it: the serializer refuses a body without it.</summary>
    public static bool DeclaredRequired(PropertyInfo property) =>
        property.IsDefined(typeof(JsonRequiredAttribute)) || property.IsDefined(typeof(RequiredMemberAttribute));

    private static IOpenApiSchema WithNull(IOpenApiSchema field, bool nullable)
    {
        switch (field)
        {
            case OpenApiSchemaReference reference when nullable:
                return new OpenApiSchema
                {
                    OneOf = [new OpenApiSchemaReference(reference.Reference.Id!), Null()],
                    Description = reference.Description,
                };
            case OpenApiSchema { AllOf: [OpenApiSchemaReference only] } wrapper when nullable:
                // OpenApiEnums' reference with its own description beside it.
                wrapper.AllOf = null;
                wrapper.OneOf = [only, Null()];
                return wrapper;
            case OpenApiSchema { OneOf: [OpenApiSchemaReference only, OpenApiSchema { Type: JsonSchemaType.Null }] } wrapper when !nullable:
                wrapper.OneOf = null;
                wrapper.AllOf = [only];
                return wrapper;
            case OpenApiSchema { Type: { } type } primitive:
                primitive.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                return primitive;
            default:
                return field;
        }
    }

    private static OpenApiSchema Null() => new() { Type = JsonSchemaType.Null };

    /// <summary>The component schemas the given parts of the document reach through <c>$ref</c>, directly or not.</summary>
    private static HashSet<string> Reached(IDictionary<string, IOpenApiSchema> schemas, IEnumerable<object?> roots)
    {
        var reached = new HashSet<string>();
        var pending = new Stack<object?>(roots);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        while (pending.TryPop(out var node))
        {
            if (node is null || !seen.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case OpenApiSchemaReference reference:
                    if (reference.Reference.Id is { } id && reached.Add(id) && schemas.TryGetValue(id, out var target))
                    {
                        pending.Push(target);
                    }

                    break;
                case IOpenApiSchema schema:
                    pending.Push(schema.Items);
                    pending.Push(schema.AdditionalProperties);
                    pending.Push(schema.Not);
                    foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
                    {
                        pending.Push(child);
                    }

                    break;
                case IOpenApiRequestBody body:
                    foreach (var media in body.Content?.Values ?? [])
                    {
                        pending.Push(media.Schema);
                    }

                    break;
                case IEnumerable<IOpenApiParameter> parameters:
                    foreach (var parameter in parameters)
                    {
                        pending.Push(parameter.Schema);
                    }

                    break;
            }
        }

        return reached;
    }
}
