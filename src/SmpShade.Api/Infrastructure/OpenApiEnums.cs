using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// A fixed vocabulary of wire values: a static class with a public static <c>All</c> (an
/// <see cref="IReadOnlyList{T}"/> of string) that the code validates or writes with. The OpenAPI document lists
/// <c>All</c> as the enum of the component schema <see cref="SchemaName"/>, so a generated client gets one enum type
/// per vocabulary, spelt as on the wire.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WireVocabularyAttribute(string schemaName, string description) : Attribute
{
    public string SchemaName { get; } = schemaName;

    public string Description { get; } = description;
}

/// <summary>
/// A string field or query parameter whose values are the <see cref="WireVocabularyAttribute"/> class
/// <see cref="Vocabulary"/> (docs/api.md, "Enums": which answer fields are closed and which may grow).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WireValuesAttribute(Type vocabulary) : Attribute
{
    public Type Vocabulary { get; } = vocabulary;
}

/// <summary>
/// Puts each <see cref="WireValuesAttribute"/> vocabulary into the document as an enum schema and points the marked
/// fields and query parameters at it. The values are read from the vocabulary's <c>All</c>, the list the validation
/// uses, so the document cannot list a value the service refuses or miss one it accepts.
/// </summary>
internal sealed class OpenApiEnums : ISchemaFilter, IParameterFilter
{
    /// <summary>The vocabulary's values: its static <c>All</c>.</summary>
    public static IReadOnlyList<string> Values(Type vocabulary) =>
        (vocabulary.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? vocabulary.GetField("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)) as IReadOnlyList<string>
        ?? throw new InvalidOperationException($"{vocabulary.Name} has no public static All list of strings.");

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }

        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var values = property.GetCustomAttribute<WireValuesAttribute>();
            string name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (values is null || !properties.TryGetValue(name, out var existing))
            {
                continue;
            }

            properties[name] = Field(Reference(values.Vocabulary, context.SchemaRepository), existing);
        }
    }

    /// <summary>
    /// The field as a reference to its vocabulary, keeping what the field's own schema said: a field that carries a
    /// description, default, example or deprecation becomes <c>allOf: [$ref]</c> with those beside it (the form the
    /// document had under OpenAPI 3.0, which ignored a <c>$ref</c>'s siblings; Kiota reads a one-entry allOf as the
    /// referenced enum). Whether the field may be null is <see cref="OpenApiNullability"/>'s, which turns a nullable one
    /// into <c>oneOf: [$ref, {type: "null"}]</c>.
    /// </summary>
    private static IOpenApiSchema Field(OpenApiSchemaReference reference, IOpenApiSchema existing)
    {
        if (existing.Description is null && existing.Default is null && existing.Examples is not { Count: > 0 } && !existing.Deprecated
            && !existing.ReadOnly && !existing.WriteOnly)
        {
            return reference;
        }

        return new OpenApiSchema
        {
            AllOf = [reference],
            Description = existing.Description,
            Default = existing.Default?.DeepClone(),
            Examples = existing.Examples is { Count: > 0 } examples ? [.. examples.Select(e => e.DeepClone())] : null,
            Deprecated = existing.Deprecated,
            ReadOnly = existing.ReadOnly,
            WriteOnly = existing.WriteOnly,
        };
    }

    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (parameter is OpenApiParameter open && context.ParameterInfo?.GetCustomAttribute<WireValuesAttribute>() is { } values)
        {
            open.Schema = Reference(values.Vocabulary, context.SchemaRepository);
        }
    }

    private static OpenApiSchemaReference Reference(Type vocabulary, SchemaRepository repository)
    {
        var about = vocabulary.GetCustomAttribute<WireVocabularyAttribute>()
            ?? throw new InvalidOperationException($"{vocabulary.Name} is not marked [WireVocabulary].");
        if (!repository.Schemas.ContainsKey(about.SchemaName))
        {
            repository.AddDefinition(about.SchemaName, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = about.Description,
                Enum = [.. Values(vocabulary).Select(v => (JsonNode)JsonValue.Create(v))],
            });
        }

        return new OpenApiSchemaReference(about.SchemaName);
    }
}
