using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// k-means on Lab with ML.NET (hair regions, docs/api.md "Analysing a photo"; guessed regions, docs/auto-regions.md). Training sees a deterministic, evenly spaced subsample capped at
/// <c>maxTrainingPoints</c>; every point is then assigned to its nearest centroid (Euclidean in Lab, as k-means uses).
/// Seeded and single-threaded so the same photo always gives the same clusters.
/// </summary>
public static class LabClustering
{
    /// <summary>Cluster centroids and the cluster of every input point.</summary>
    public sealed record Clusters(IReadOnlyList<Lab> Centroids, int[] Assignment);

    public static Clusters KMeans(IReadOnlyList<Lab> points, int k, int maxTrainingPoints)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < k)
        {
            throw new ArgumentException($"k-means with k = {k} needs at least {k} points.", nameof(points));
        }

        int stride = Math.Max(1, (int)Math.Ceiling((double)points.Count / maxTrainingPoints));
        var rows = new List<LabRow>(points.Count / stride + 1);
        var distinct = new HashSet<(float, float, float)>();
        for (int i = 0; i < points.Count; i += stride)
        {
            var p = points[i];
            rows.Add(new LabRow { Features = [(float)p.L, (float)p.A, (float)p.B] });
            distinct.Add(((float)p.L, (float)p.A, (float)p.B));
        }

        // A flat region (a synthetic patch, a clipped or very smooth area) has fewer distinct colours than clusters:
        // ML.NET's k-means++ refuses that, so ask for no more clusters than there are colours.
        k = Math.Min(k, distinct.Count);
        if (k == 1)
        {
            var only = rows[0].Features;
            return new Clusters([new Lab(only[0], only[1], only[2])], new int[points.Count]);
        }

        var ml = new MLContext(seed: 20260101);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(LabRow.Features),
            NumberOfClusters = k,
            NumberOfThreads = 1,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = 100,
        });
        KMeansModelParameters model;
        try
        {
            model = trainer.Fit(data).Model;
        }
        catch (InvalidOperationException)
        {
            // ML.NET measures distances in float as |x|² + |c|² − 2x·c: near L* 100 colours closer than about 0.03 cancel
            // to the same point, and k-means++ then finds "not enough distinct instances" although the doubles differ
            // (a profile with a tone curve of gamma 0.0001 does this to a whole photo). Such colours are one cluster.
            return new Clusters([ColourMean(points)], new int[points.Count]);
        }

        VBuffer<float>[] raw = [];
        model.GetClusterCentroids(ref raw, out int found);
        var centroids = new Lab[found];
        for (int c = 0; c < found; c++)
        {
            var v = raw[c].DenseValues().ToArray();
            centroids[c] = new Lab(v[0], v[1], v[2]);
        }

        var assignment = new int[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            assignment[i] = Nearest(centroids, points[i]);
        }

        return new Clusters(centroids, assignment);
    }

    private static Lab ColourMean(IReadOnlyList<Lab> points) =>
        new(points.Average(p => p.L), points.Average(p => p.A), points.Average(p => p.B));

    private static int Nearest(Lab[] centroids, Lab p)
    {
        int best = 0;
        double bestD = double.MaxValue;
        for (int c = 0; c < centroids.Length; c++)
        {
            double dl = p.L - centroids[c].L, da = p.A - centroids[c].A, db = p.B - centroids[c].B;
            double d = (dl * dl) + (da * da) + (db * db);
            if (d < bestD)
            {
                (best, bestD) = (c, d);
            }
        }

        return best;
    }

    /// <summary>One training row for ML.NET.</summary>
    private sealed class LabRow
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
