namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// The reference in the photo cannot give a correction (a black or clipped card, chart patches that do not span
/// colour). <see cref="Code"/> is stable for clients: the endpoint answers it as a 422 problem.
/// </summary>
public sealed class ReferenceFitException : Exception
{
    public ReferenceFitException()
        : this("reference.unusable", "The reference could not be used.")
    {
    }

    public ReferenceFitException(string message)
        : this("reference.unusable", message)
    {
    }

    public ReferenceFitException(string message, Exception innerException)
        : base(message, innerException) => Code = "reference.unusable";

    public ReferenceFitException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Stable machine-readable code, e.g. <c>reference.card_unusable</c>, <c>reference.chart_degenerate</c>.</summary>
    public string Code { get; } = "reference.unusable";
}
