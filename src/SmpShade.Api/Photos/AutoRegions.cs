using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Skin;

namespace SmpShade.Api.Photos;

/// <summary>
/// Guesses hair and skin regions when none are given (docs/auto-regions.md, "No face"): k-means (k = 5) on the Lab of a central
/// crop; the largest cluster with a skin-like hue (20°–80°) and a plausible ITA° is skin, the cluster farthest from it
/// (ΔE00) is hair. Each becomes the grid cell of the crop where that cluster is purest, so the page can draw it.
/// </summary>
public static class AutoRegions
{
    /// <summary>The central crop clustered: the middle 60 % of each side (the subject is usually centred).</summary>
    private static readonly RegionSpec Crop = RegionSpec.FromRect(0.2, 0.2, 0.6, 0.6);

    private const int Clusters = 5;
    private const int GridCells = 6;

    /// <summary>A cluster must hold this share of the crop to be considered (noise and specks are not regions).</summary>
    private const double MinShare = 0.03;

    /// <summary>
    /// The regions and, for <see cref="RegionConfidence"/>, the share of the central crop in the skin cluster: a close-up
    /// of a hairline is mostly skin and hair, while clothes and background split a wider photo into many clusters.
    /// </summary>
    /// <param name="pixels">The decoded photo.</param>
    /// <param name="correction">Linear RGB → XYZ.</param>
    /// <param name="options">Limits.</param>
    /// <param name="cancellationToken">Stops the clustering (the request was abandoned).</param>
    public static ColourGuess Guess(PhotoPixels pixels, IColourCorrection correction, PhotoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(options);
        var positions = new List<(double X, double Y)>();
        var sample = pixels.Sample(OptionsValidator.ToPolygon(Crop), options.MaxClusterPixels * 2, positions);
        if (sample.Linear.Length < Clusters * 20)
        {
            throw NotFound("The middle of the photo has too few usable pixels.");
        }

        var xyz = sample.Linear.Select(correction.ToXyz).ToArray();
        var lab = xyz.Select(p => p.ToLab(WhitePoint.D65)).ToArray();
        var clusters = LabClustering.KMeans(lab, Clusters, options.MaxClusterPixels, cancellationToken);
        int k = clusters.Centroids.Count;
        var members = Enumerable.Range(0, k).Select(c => Enumerable.Range(0, lab.Length).Where(i => clusters.Assignment[i] == c).ToArray()).ToArray();
        var means = members.Select(m => m.Length == 0 ? default : ColourStatistics.MeanLab(m.Select(i => xyz[i]).ToArray())).ToArray();
        var large = Enumerable.Range(0, k).Where(c => members[c].Length >= MinShare * lab.Length).ToList();

        int skin = large.Where(c => LooksLikeSkin(means[c])).OrderByDescending(c => members[c].Length).DefaultIfEmpty(-1).First();
        if (skin < 0)
        {
            throw NotFound("No skin-coloured area was found in the middle of the photo.");
        }

        int hair = large.Where(c => c != skin).OrderByDescending(c => DeltaE.Ciede2000(means[c], means[skin])).DefaultIfEmpty(-1).First();
        if (hair < 0)
        {
            throw NotFound("No area distinct from the skin was found in the middle of the photo.");
        }

        return new ColourGuess(PurestCell(positions, clusters.Assignment, hair), PurestCell(positions, clusters.Assignment, skin),
            (double)members[skin].Length / lab.Length);
    }

    /// <summary>Skin hue angle 20°–80° (docs/auto-regions.md, "No face") and an ITA° within the range seen on human skin (Del Bino 2013: about −60° to 70°).</summary>
    private static bool LooksLikeSkin(Lab lab)
    {
        double ita = SkinScales.Ita(lab);
        return lab.HueDegrees is >= 20 and <= 80 && lab.Chroma >= 3 && ita is >= -70 and <= 80;
    }

    private static RegionSpec PurestCell(List<(double X, double Y)> positions, int[] assignment, int cluster)
    {
        var hits = new int[GridCells, GridCells];
        var totals = new int[GridCells, GridCells];
        var crop = Crop.Rect!;
        double cellW = crop[2] / GridCells, cellH = crop[3] / GridCells;
        for (int i = 0; i < positions.Count; i++)
        {
            int cx = Math.Clamp((int)((positions[i].X - crop[0]) / cellW), 0, GridCells - 1);
            int cy = Math.Clamp((int)((positions[i].Y - crop[1]) / cellH), 0, GridCells - 1);
            totals[cx, cy]++;
            if (assignment[i] == cluster)
            {
                hits[cx, cy]++;
            }
        }

        (int X, int Y) best = (0, 0);
        double bestScore = -1;
        for (int x = 0; x < GridCells; x++)
        {
            for (int y = 0; y < GridCells; y++)
            {
                // Purity first; the count breaks ties (and favours cells with more usable pixels).
                double score = totals[x, y] == 0 ? 0 : ((double)hits[x, y] / totals[x, y]) + (hits[x, y] * 1e-9);
                if (score > bestScore)
                {
                    (best, bestScore) = ((x, y), score);
                }
            }
        }

        return RegionSpec.FromRect(crop[0] + (best.X * cellW), crop[1] + (best.Y * cellH), cellW, cellH);
    }

    private static ProblemException NotFound(string detail) =>
        ProblemException.Unprocessable("regions.not_found", "Hair and skin could not be found automatically.", detail + " Mark the hair and skin regions.");
}

/// <summary>Regions from colours (<see cref="AutoRegions"/>) and what their raw score is made of.</summary>
/// <param name="Hair">The hair cell.</param>
/// <param name="Skin">The skin cell.</param>
/// <param name="SkinShare">Share of the central crop's pixels in the skin cluster.</param>
public sealed record ColourGuess(RegionSpec Hair, RegionSpec Skin, double SkinShare);
