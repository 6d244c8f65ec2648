namespace SmpShade.Api.Catalogue;

/// <summary>A catalogue file that is wrong as a whole (empty, unknown columns, no illuminant, unreadable); answered as a 4xx problem.</summary>
public sealed class CatalogueFormatException : Exception
{
    public CatalogueFormatException(string code, string title, string? detail = null, string? listName = null,
        IReadOnlyList<string>? list = null, int status = StatusCodes.Status422UnprocessableEntity)
        : base(detail ?? title)
    {
        Status = status;
        Code = code;
        Title = title;
        ListName = listName;
        List = list;
    }

    public int Status { get; }

    public string Code { get; }

    public string Title { get; }

    /// <summary>Name of the extension member that lists the offending items (<c>columns</c>, <c>fields</c>).</summary>
    public string? ListName { get; }

    public IReadOnlyList<string>? List { get; }
}
