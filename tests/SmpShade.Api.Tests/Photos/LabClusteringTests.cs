using SmpShade.Api.Photos;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// The hand-written k-means (issue 13, in place of ML.NET's): checked against partitions known independently of it
/// (clouds drawn around known centres far apart, whose k-means answer is each cloud's own mean) and for determinism.
/// </summary>
public sealed class LabClusteringTests
{
    /// <summary>
    /// Three clouds (hair-, skin- and background-like Lab centres, ±3 uniform noise per axis) lie at least 30 apart while
    /// no point is farther than 5.2 from its own centre: the optimal 3-means partition is the clouds themselves, so the
    /// centroids must be the clouds' means (computed here directly) and every point must sit with its cloud.
    /// </summary>
    [Theory]
    [InlineData(300, 4000)]
    [InlineData(9000, 4000)] // more points than the training cap: trained on a subsample, every point still assigned
    public void Well_separated_clouds_come_back_as_their_own_means(int perCloud, int maxTraining)
    {
        Lab[] centres = [new(22, 3, 6), new(62, 14, 19), new(85, -2, -30)];
        var random = new Random(7);
        var points = new List<Lab>();
        var cloud = new List<int>();
        for (int i = 0; i < perCloud * 3; i++)
        {
            int c = i % 3; // interleaved, so the evenly spaced training subsample sees every cloud
            points.Add(new Lab(centres[c].L + Noise(random), centres[c].A + Noise(random), centres[c].B + Noise(random)));
            cloud.Add(c);
        }

        var clusters = LabClustering.KMeans(points, 3, maxTraining);

        Assert.Equal(3, clusters.Centroids.Count);
        for (int c = 0; c < 3; c++)
        {
            var members = Enumerable.Range(0, points.Count).Where(i => cloud[i] == c).ToArray();
            int label = clusters.Assignment[members[0]];
            Assert.All(members, i => Assert.Equal(label, clusters.Assignment[i]));
            if (maxTraining >= points.Count)
            {
                // Trained on every point: the centroid is the cloud's mean exactly (to rounding).
                Assert.Equal(members.Average(i => points[i].L), clusters.Centroids[label].L, 9);
                Assert.Equal(members.Average(i => points[i].A), clusters.Centroids[label].A, 9);
                Assert.Equal(members.Average(i => points[i].B), clusters.Centroids[label].B, 9);
            }
            else
            {
                // Trained on a third of them: within the subsample's noise of the cloud's mean (±3 noise, n ≥ 1000).
                Assert.InRange(Math.Abs(members.Average(i => points[i].L) - clusters.Centroids[label].L), 0, 0.5);
            }
        }

        Assert.Equal(3, clusters.Assignment.Distinct().Count());
    }

    [Fact]
    public void The_same_points_always_give_the_same_clusters()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 5000).Select(_ => new Lab(random.NextDouble() * 100, (random.NextDouble() * 60) - 30, (random.NextDouble() * 60) - 30)).ToList();

        var first = LabClustering.KMeans(points, 5, 4000);
        var second = LabClustering.KMeans(points, 5, 4000);

        Assert.Equal(first.Centroids, second.Centroids);
        Assert.Equal(first.Assignment, second.Assignment);
    }

    [Fact]
    public void A_region_with_fewer_colours_than_clusters_gets_one_cluster_per_colour()
    {
        var points = Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? new Lab(30, 2, 2) : new Lab(70, 10, 15)).ToList();

        var clusters = LabClustering.KMeans(points, 5, 4000);

        Assert.Equal(2, clusters.Centroids.Count);
        Assert.Contains(new Lab(30, 2, 2), clusters.Centroids);
        Assert.Contains(new Lab(70, 10, 15), clusters.Centroids);
        Assert.All(Enumerable.Range(0, points.Count), i => Assert.Equal(points[i], clusters.Centroids[clusters.Assignment[i]]));
    }

    [Fact]
    public void A_single_colour_is_one_cluster()
    {
        var points = Enumerable.Repeat(new Lab(50, 0, 0), 100).ToList();

        var clusters = LabClustering.KMeans(points, 2, 4000);

        Assert.Equal([new Lab(50, 0, 0)], clusters.Centroids);
        Assert.All(clusters.Assignment, a => Assert.Equal(0, a));
    }

    private static double Noise(Random random) => (random.NextDouble() * 6) - 3;

    /// <summary>The colour guess stops when its request is abandoned: the clustering must stop on the token.</summary>
    [Fact]
    public void A_cancelled_clustering_stops()
    {
        var random = new Random(3);
        var points = Enumerable.Range(0, 2000).Select(_ => new Lab(random.NextDouble() * 100, random.NextDouble() * 20, random.NextDouble() * 20)).ToArray();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => LabClustering.KMeans(points, 5, 4000, cancelled.Token));
    }
}
