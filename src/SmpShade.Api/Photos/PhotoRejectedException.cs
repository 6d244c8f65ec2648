namespace SmpShade.Api.Photos;

/// <summary>
/// A photo or its options that the service refuses: carries the HTTP status and the stable problem <c>code</c>
/// the endpoint answers with (via <see cref="Infrastructure.Problems"/>).
/// </summary>
public sealed class PhotoRejectedException : Exception
{
    public PhotoRejectedException(int status, string code, string title, string? detail = null)
        : base(detail ?? title)
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
    }

    public PhotoRejectedException()
        : this(StatusCodes.Status400BadRequest, "request.invalid", "The request is invalid.")
    {
    }

    public PhotoRejectedException(string message)
        : this(StatusCodes.Status400BadRequest, "request.invalid", message)
    {
    }

    public PhotoRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Code = "request.invalid";
        Title = message;
    }

    /// <summary>HTTP status (4xx).</summary>
    public int Status { get; }

    /// <summary>Stable machine-readable code, e.g. <c>image.too_large</c>.</summary>
    public string Code { get; }

    /// <summary>Short human title.</summary>
    public string Title { get; }

    /// <summary>What exactly was wrong.</summary>
    public string? Detail { get; }

    /// <summary>400 with a code.</summary>
    public static PhotoRejectedException BadRequest(string code, string title, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, code, title, detail);

    /// <summary>422 with a code: well-formed, but nothing can be measured.</summary>
    public static PhotoRejectedException Unprocessable(string code, string title, string? detail = null) =>
        new(StatusCodes.Status422UnprocessableEntity, code, title, detail);
}
