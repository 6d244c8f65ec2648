using System.Text.Json;

namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Reads a JSON request body or form part; JSON that does not fit the type is a 400 problem with the endpoint's own
/// code and title and the parser's message as the detail (a <see cref="ProblemException"/>).
/// </summary>
public static class RequestJson
{
    /// <summary>The body as <typeparamref name="T"/>.</summary>
    public static async Task<T?> ReadBodyAsync<T>(HttpRequest request, JsonSerializerOptions json, string code, string title,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await request.ReadFromJsonAsync<T>(json, cancellationToken);
        }
        catch (JsonException error)
        {
            throw ProblemException.BadRequest(code, title, error.Message);
        }
    }

    /// <summary>A form part's text as <typeparamref name="T"/>; null when the part is absent or blank.</summary>
    public static T? Parse<T>(string? text, JsonSerializerOptions json, string code, string title)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, json);
        }
        catch (JsonException error)
        {
            throw ProblemException.BadRequest(code, title, error.Message);
        }
    }
}
