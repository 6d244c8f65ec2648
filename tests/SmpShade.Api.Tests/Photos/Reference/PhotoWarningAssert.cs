using SmpShade.Api.Photos;

namespace SmpShade.Api.Tests.Photos.Reference;

public static class PhotoWarningAssert
{
    /// <summary>The warnings hold <paramref name="code"/> with a message mentioning <paramref name="mentions"/>.</summary>
    public static void Has(IEnumerable<PhotoWarning> warnings, string code, string mentions)
    {
        PhotoWarning warning = Assert.Single(warnings, w => w.Code == code);
        Assert.Contains(mentions, warning.Message, StringComparison.OrdinalIgnoreCase);
    }
}
