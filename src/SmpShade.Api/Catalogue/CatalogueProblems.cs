using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

/// <summary>The refusals of a catalogue file as a whole (empty, unknown columns, unreadable, too large).</summary>
public static class CatalogueProblems
{
    /// <summary>
    /// A file that is wrong as a whole (422 unless <paramref name="status"/> says otherwise); <paramref name="listName"/>
    /// names the extension member listing the offending items (<c>columns</c>, <c>fields</c>).
    /// </summary>
    public static ProblemException Invalid(string code, string title, string? detail = null, string? listName = null,
        IReadOnlyList<string>? list = null, int status = StatusCodes.Status422UnprocessableEntity) =>
        new(status, code, title, detail, listName is null ? null : [new(listName, list)]);

    /// <summary>413 <c>catalogue.too_large</c>: over <c>Catalogue:MaxBodyBytes</c>.</summary>
    public static ProblemException TooLarge(long maxBytes) =>
        Invalid("catalogue.too_large", "The catalogue is too large.", $"At most {maxBytes} bytes (Catalogue:MaxBodyBytes).",
            status: StatusCodes.Status413PayloadTooLarge);
}
