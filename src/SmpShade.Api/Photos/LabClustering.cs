using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// k-means on Lab (hair regions, docs/api.md "Analysing a photo"; guessed regions, docs/auto-regions.md): Lloyd's
/// algorithm in double precision, seeded by k-means++ (Arthur and Vassilvitskii 2007, "k-means++: the advantages of
/// careful seeding") from a fixed seed, the best of <see cref="Seedings"/> seedings by within-cluster sum of squares.
/// Training sees a deterministic, evenly spaced subsample capped at <c>maxTrainingPoints</c>; every point is then
/// assigned to its nearest centroid (Euclidean in Lab, as k-means uses). The same points always give the same clusters.
/// Written here rather than taken from ML.NET, whose trainer built a data view, a schema and a model per call: on a
/// 4,000-point hair region that was most of the hair measurement's time (issue 13's profile).
/// </summary>
public static class LabClustering
{
    /// <summary>Seed of the k-means++ draws (any fixed value: it only has to be the same every time).</summary>
    private const int Seed = 20260101;

    /// <summary>Independent k-means++ seedings tried; the one ending with the smallest sum of squares is kept.</summary>
    private const int Seedings = 4;

    /// <summary>Lloyd iterations at most (they stop earlier once no point changes cluster).</summary>
    private const int MaxIterations = 100;

    /// <summary>Cluster centroids and the cluster of every input point.</summary>
    public sealed record Clusters(IReadOnlyList<Lab> Centroids, int[] Assignment);

    /// <param name="points">The points.</param>
    /// <param name="k">Clusters wanted (fewer when the points have fewer distinct colours).</param>
    /// <param name="maxTrainingPoints">Most points the centroids are trained on.</param>
    /// <param name="cancellationToken">Checked before each seeding and each Lloyd iteration.</param>
    public static Clusters KMeans(IReadOnlyList<Lab> points, int k, int maxTrainingPoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < k)
        {
            throw new ArgumentException($"k-means with k = {k} needs at least {k} points.", nameof(points));
        }

        int stride = Math.Max(1, (int)Math.Ceiling((double)points.Count / maxTrainingPoints));
        var training = new Lab[((points.Count - 1) / stride) + 1];
        var distinct = new HashSet<Lab>();
        for (int i = 0, t = 0; i < points.Count; i += stride, t++)
        {
            training[t] = points[i];
            distinct.Add(points[i]);
        }

        // A flat region (a synthetic patch, a clipped or very smooth area) has fewer distinct colours than clusters.
        k = Math.Min(k, distinct.Count);
        Lab[] centroids;
        if (k == 1)
        {
            centroids = [training[0]];
        }
        else
        {
            var random = new Random(Seed);
            centroids = [];
            double best = double.MaxValue;
            for (int s = 0; s < Seedings; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (found, cost) = Lloyd(training, SeedPlusPlus(training, k, random), cancellationToken);
                if (cost < best)
                {
                    (centroids, best) = (found, cost);
                }
            }
        }

        var assignment = new int[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            assignment[i] = Nearest(centroids, points[i], out _);
        }

        return new Clusters(centroids, assignment);
    }

    /// <summary>k-means++: the first centre uniformly at random, each next one drawn with probability ∝ D², the squared distance to the nearest centre so far.</summary>
    private static Lab[] SeedPlusPlus(Lab[] points, int k, Random random)
    {
        var centres = new Lab[k];
        centres[0] = points[random.Next(points.Length)];
        var d2 = new double[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            d2[i] = Squared(points[i], centres[0]);
        }

        for (int c = 1; c < k; c++)
        {
            double total = 0;
            foreach (double d in d2)
            {
                total += d;
            }

            // At least k distinct points exist, so some point lies off the centres chosen so far and total > 0.
            double target = random.NextDouble() * total;
            int chosen = points.Length - 1;
            for (int i = 0; i < points.Length; i++)
            {
                target -= d2[i];
                if (target < 0 && d2[i] > 0)
                {
                    chosen = i;
                    break;
                }
            }

            while (d2[chosen] == 0)
            {
                chosen--; // rounding left the draw past the end: the last point off the centres
            }

            centres[c] = points[chosen];
            for (int i = 0; i < points.Length; i++)
            {
                d2[i] = Math.Min(d2[i], Squared(points[i], centres[c]));
            }
        }

        return centres;
    }

    /// <summary>Lloyd's iterations from <paramref name="centres"/>; returns the centroids and their sum of squared distances.</summary>
    private static (Lab[] Centroids, double Cost) Lloyd(Lab[] points, Lab[] centres, CancellationToken cancellationToken)
    {
        int k = centres.Length;
        var assignment = new int[points.Length];
        Array.Fill(assignment, -1);
        var sums = new double[k * 3];
        var counts = new int[k];
        double cost = 0;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool changed = false;
            cost = 0;
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < points.Length; i++)
            {
                int c = Nearest(centres, points[i], out double d);
                cost += d;
                changed |= c != assignment[i];
                assignment[i] = c;
                counts[c]++;
                sums[3 * c] += points[i].L;
                sums[(3 * c) + 1] += points[i].A;
                sums[(3 * c) + 2] += points[i].B;
            }

            if (!changed)
            {
                break;
            }

            for (int c = 0; c < k; c++)
            {
                // A centre that lost every point moves to the point farthest from its own centre (it then wins that point).
                centres[c] = counts[c] > 0
                    ? new Lab(sums[3 * c] / counts[c], sums[(3 * c) + 1] / counts[c], sums[(3 * c) + 2] / counts[c])
                    : Farthest(points, assignment, centres);
            }
        }

        return (centres, cost);
    }

    private static Lab Farthest(Lab[] points, int[] assignment, Lab[] centres)
    {
        int farthest = 0;
        double most = -1;
        for (int i = 0; i < points.Length; i++)
        {
            double d = Squared(points[i], centres[assignment[i]]);
            if (d > most)
            {
                (farthest, most) = (i, d);
            }
        }

        return points[farthest];
    }

    private static double Squared(Lab p, Lab c)
    {
        double dl = p.L - c.L, da = p.A - c.A, db = p.B - c.B;
        return (dl * dl) + (da * da) + (db * db);
    }

    /// <summary>The nearest centroid (the first on a tie) and the squared distance to it.</summary>
    private static int Nearest(Lab[] centroids, Lab p, out double distance)
    {
        int best = 0;
        distance = double.MaxValue;
        for (int c = 0; c < centroids.Length; c++)
        {
            double d = Squared(p, centroids[c]);
            if (d < distance)
            {
                (best, distance) = (c, d);
            }
        }

        return best;
    }
}
