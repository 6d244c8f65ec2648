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

    /// <summary>
    /// Where the horizontal line at <paramref name="y"/> crosses the polygon's edges, ascending, computed as
    /// <see cref="Contains"/> does: a point (x, y) is inside exactly when an odd number of them lie right of x.
    /// </summary>
    public static void Crossings(IReadOnlyList<(double X, double Y)> polygon, double y, List<double> crossings)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        ArgumentNullException.ThrowIfNull(crossings);
        crossings.Clear();
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (xi, yi) = polygon[i];
            var (xj, yj) = polygon[j];
            if ((yi > y) != (yj > y))
            {
                crossings.Add(((xj - xi) * (y - yi) / (yj - yi)) + xi);
            }
        }

        crossings.Sort();
    }
}
