namespace SmpShade.Api.Photos;

/// <summary>Small plane-geometry helpers for regions (polygons as point lists).</summary>
public static class Geometry
{
    /// <summary>Shoelace area, positive when counter-clockwise in a y-up frame.</summary>
    public static double SignedArea(IReadOnlyList<(double X, double Y)> polygon)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        double sum = 0;
        for (int i = 0; i < polygon.Count; i++)
        {
            var (x1, y1) = polygon[i];
            var (x2, y2) = polygon[(i + 1) % polygon.Count];
            sum += (x1 * y2) - (x2 * y1);
        }

        return sum / 2;
    }

    /// <summary>Even–odd point-in-polygon test (crossing number).</summary>
    public static bool Contains(IReadOnlyList<(double X, double Y)> polygon, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        bool inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (xi, yi) = polygon[i];
            var (xj, yj) = polygon[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
