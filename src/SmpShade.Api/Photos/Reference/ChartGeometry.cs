namespace SmpShade.Api.Photos.Reference;

/// <summary>Where the 24 patches of a ColorChecker lie in a photo, from its four outer corners.</summary>
public static class ChartGeometry
{
    /// <summary>Patch columns on a ColorChecker Classic 24.</summary>
    public const int Columns = 6;

    /// <summary>Patch rows on a ColorChecker Classic 24.</summary>
    public const int Rows = 4;

    /// <summary>
    /// The sampling quadrilateral (middle 40 % of each patch cell, 4 pixel points) of every patch, in chart order.
    /// </summary>
    /// <param name="corners">Outer corners of the patch area in pixels: the dark-skin corner first, then clockwise
    /// on screen (y down).</param>
    public static IReadOnlyList<(double X, double Y)[]> PatchSamplingQuads(IReadOnlyList<(double X, double Y)> corners)
    {
        ArgumentNullException.ThrowIfNull(corners);
        throw new NotImplementedException("Homography lands in the next commit.");
    }
}
