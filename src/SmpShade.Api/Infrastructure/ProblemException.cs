namespace SmpShade.Api.Infrastructure;

/// <summary>
/// A refusal deep in a feature (a photo that cannot be read, a catalogue that does not exist, a full house) that
/// becomes an RFC 9457 problem answer: thrown where the problem is found, answered once by the host's exception
/// handling (<see cref="ProblemDetailsSetup"/>). Validation at the boundary returns <see cref="Problems"/> results instead.
/// </summary>
public sealed class ProblemException : Exception
{
    private readonly List<KeyValuePair<string, object?>> extensions;

    public ProblemException(int status, string code, string title, string? detail = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
        : base(detail ?? title)
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        this.extensions = extensions is null ? [] : [.. extensions];
    }

    /// <summary>HTTP status.</summary>
    public int Status { get; }

    /// <summary>Stable machine-readable code, e.g. <c>image.too_large</c>.</summary>
    public string Code { get; }

    /// <summary>Short human title.</summary>
    public string Title { get; }

    /// <summary>What exactly was wrong, or null.</summary>
    public string? Detail { get; }

    /// <summary>Extension members of the answer after <c>code</c> (e.g. <c>errors</c>, <c>minimum</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Extensions => extensions;

    /// <summary>Seconds for the <c>Retry-After</c> header of a 503, or null for none.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>400 with a code.</summary>
    public static ProblemException BadRequest(string code, string title, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, code, title, detail);

    /// <summary>404 with a code.</summary>
    public static ProblemException NotFound(string code, string title, string? detail = null) =>
        new(StatusCodes.Status404NotFound, code, title, detail);

    /// <summary>422 with a code: well-formed, but it cannot be used.</summary>
    public static ProblemException Unprocessable(string code, string title, string? detail = null) =>
        new(StatusCodes.Status422UnprocessableEntity, code, title, detail);
}
