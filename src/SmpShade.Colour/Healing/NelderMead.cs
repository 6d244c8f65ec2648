namespace SmpShade.Colour.Healing;

/// <summary>
/// The downhill simplex method (Nelder &amp; Mead 1965, Computer Journal 7:308) with the standard coefficients
/// (reflection 1, expansion 2, contraction ½, shrink ½), for small smooth problems such as the skin fit.
/// </summary>
public static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/> with an initial simplex of size <paramref name="step"/>.</summary>
    public static double[] Minimise(Func<double[], double> f, double[] start, double[] step, int iterations, double tolerance)
    {
        int n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
            {
                points[i][i - 1] += step[i - 1];
            }

            values[i] = f(points[i]);
        }

        for (int iteration = 0; iteration < iterations; iteration++)
        {
            Array.Sort(values, points);
            if (values[n] - values[0] < tolerance)
            {
                break;
            }

            var centroid = new double[n];
            for (int i = 0; i < n; i++)
            {
                for (int d = 0; d < n; d++)
                {
                    centroid[d] += points[i][d] / n;
                }
            }

            double[] Along(double t) => [.. centroid.Select((c, d) => c + t * (points[n][d] - c))];
            var reflected = Along(-1);
            double fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Along(-2);
                double fe = f(expanded);
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (points[n], values[n]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[n] ? Along(-0.5) : Along(0.5);
                double fc = f(contracted);
                if (fc < Math.Min(fr, values[n]))
                {
                    (points[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (int i = 1; i <= n; i++)
                    {
                        points[i] = [.. points[i].Select((x, d) => points[0][d] + 0.5 * (x - points[0][d]))];
                        values[i] = f(points[i]);
                    }
                }
            }
        }

        int bestIndex = Array.IndexOf(values, values.Min());
        return points[bestIndex];
    }
}
