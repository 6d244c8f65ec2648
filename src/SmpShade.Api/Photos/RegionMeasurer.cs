using System.Buffers;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Skin;

namespace SmpShade.Api.Photos;

/// <summary>
/// Measures the skin and hair regions (docs/api.md, "Analysing a photo"): clipped pixels are dropped; in skin the brightest and darkest
/// 5 % of L* (shine, pores, stray hairs) too; a hair region is split by k-means (k = 2, Lab) and the cluster farther
/// (ΔE00) from the skin is the hair.
/// </summary>
/// <param name="pixels">The decoded photo.</param>
/// <param name="correction">Linear RGB → XYZ (D65) for hair (and skin unless <paramref name="skinCorrection"/> is given).</param>
/// <param name="options">Limits.</param>
/// <param name="warnings">Where measurement warnings are added.</param>
/// <param name="skinCorrection">The skin region's own correction (ReferenceResult.ForSkin); null: <paramref name="correction"/>.</param>
public sealed class RegionMeasurer(PhotoPixels pixels, IColourCorrection correction, PhotoOptions options, List<PhotoWarning> warnings,
    IColourCorrection? skinCorrection = null)
{
    /// <summary>Share of skin pixels trimmed at each end of L* (the middle 90 % is kept, docs/api.md "Analysing a photo").</summary>
    private const double SkinTrim = 0.05;

    /// <summary>Pixels below which a region is not split or trimmed (too few for percentiles or two clusters).</summary>
    private const int MinForStatistics = 20;

    /// <summary>The grid step of the last region read (1 = every pixel): a measured pixel stands for step² pixels.</summary>
    private int step = 1;

    /// <summary>Linear RGB (photo space) and corrected XYZ/Lab of a region's usable pixels.</summary>
    public (LinearRgb[] Linear, Xyz[] Xyz, Lab[] Lab) Read(RegionSpec region, string name) => Read(region, name, correction);

    private (LinearRgb[] Linear, Xyz[] Xyz, Lab[] Lab) Read(RegionSpec region, string name, IColourCorrection through)
    {
        ArgumentNullException.ThrowIfNull(region);
        var sample = pixels.Sample(OptionsValidator.ToPolygon(region), options.MaxSamplesPerRegion);
        if (sample.Read == 0)
        {
            throw ProblemException.Unprocessable("region.empty", $"The {name} region holds no pixels.",
                $"regions.{name} is smaller than one pixel of this {pixels.Width}×{pixels.Height} photo.");
        }

        if (sample.Linear.Length == 0)
        {
            throw ProblemException.Unprocessable("region.clipped", $"Every pixel of the {name} region is clipped.",
                $"regions.{name} is all over- or under-exposed; retake the photo with softer, even light.");
        }

        if (sample.ClippedFraction > options.ClippedWarningFraction)
        {
            warnings.Add(new PhotoWarning("exposure.clipped",
                $"{sample.ClippedFraction:P0} of the {name} region is over- or under-exposed and was left out."));
        }

        step = sample.Step;
        var xyz = new Xyz[sample.Linear.Length];
        var lab = new Lab[sample.Linear.Length];
        for (int i = 0; i < xyz.Length; i++)
        {
            xyz[i] = through.ToXyz(sample.Linear[i]);
            lab[i] = xyz[i].ToLab(WhitePoint.D65);
        }

        return (sample.Linear, xyz, lab);
    }

    /// <summary>The skin: trimmed 5 % each end of L*, mean in linear light; ITA° and Monk tone.</summary>
    public SkinColour MeasureSkin(RegionSpec region)
    {
        var (_, xyz, lab) = Read(region, "skin", skinCorrection ?? correction);
        var m = lab.Length >= MinForStatistics ? Trimmed(xyz, lab) : ColourStatistics.Measure(xyz, lab);
        WarnIfFew("skin", m.Pixels);
        var mean = m.Lab.ToLab();
        double ita = SkinScales.Ita(mean);
        var monk = SkinScales.NearestMonk(mean);
        return new SkinColour(m.Lab, m.Lch, m.Hex, m.InGamut, m.Pixels, m.Sd, m.StandardError,
            AnswerPrecision.Ita(ita), ItaCategories.ToText(SkinScales.Category(ita)), new MonkTone(monk.Tone, monk.Hex, AnswerPrecision.Colour(monk.DeltaE00)));
    }

    /// <summary>
    /// The pixels between the darkest and the brightest <see cref="SkinTrim"/> of L*, taken in ascending L* and measured.
    /// </summary>
    private static MeasuredColour Trimmed(Xyz[] xyz, Lab[] lab)
    {
        int cut = (int)Math.Floor(lab.Length * SkinTrim), kept = lab.Length - (2 * cut);
        var order = ArrayPool<int>.Shared.Rent(lab.Length);
        var keptXyz = ArrayPool<Xyz>.Shared.Rent(kept);
        var keptLab = ArrayPool<Lab>.Shared.Rent(kept);
        try
        {
            LightnessOrder.Sort(lab, order.AsSpan(0, lab.Length));
            for (int k = 0; k < kept; k++)
            {
                int i = order[cut + k];
                (keptXyz[k], keptLab[k]) = (xyz[i], lab[i]);
            }

            return ColourStatistics.Measure(keptXyz.AsSpan(0, kept), keptLab.AsSpan(0, kept));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<Xyz>.Shared.Return(keptXyz);
            ArrayPool<Lab>.Shared.Return(keptLab);
        }
    }

    /// <summary>The hair: the k-means cluster (k = 2) of the hair region farther from <paramref name="skin"/>.</summary>
    public MeasuredColour MeasureHair(RegionSpec region, Lab skin) => ChooseHair(SplitHair(region), skin);

    /// <summary>
    /// The hair region read and split by k-means (k = 2), which needs no skin colour: it can run beside
    /// <see cref="MeasureSkin"/> on another measurer (this one's warnings and grid step are its own).
    /// </summary>
    public HairSplit SplitHair(RegionSpec region)
    {
        var (_, xyz, lab) = Read(region, "hair");
        return new HairSplit(xyz, lab, lab.Length < MinForStatistics ? null : LabClustering.KMeans(lab, 2, options.MaxClusterPixels));
    }

    /// <summary>The cluster of <paramref name="split"/> farther (ΔE00) from <paramref name="skin"/>, measured.</summary>
    public MeasuredColour ChooseHair(HairSplit split, Lab skin)
    {
        ArgumentNullException.ThrowIfNull(split);
        var (xyz, lab, clusters) = (split.Xyz, split.Lab, split.Clusters);
        if (clusters is null)
        {
            WarnIfFew("hair", lab.Length);
            return ColourStatistics.Measure(xyz, lab);
        }

        int best = -1;
        double farthest = double.MinValue;
        for (int c = 0; c < clusters.Centroids.Count; c++)
        {
            var members = Members(clusters.Assignment, c);
            if (members.Length == 0)
            {
                continue;
            }

            double de = DeltaE.Ciede2000(ColourStatistics.MeanLab(members.Select(i => xyz[i]).ToArray()), skin);
            if (de > farthest)
            {
                (best, farthest) = (c, de);
            }
        }

        var chosen = Members(clusters.Assignment, best);
        WarnIfFew("hair", chosen.Length);
        return ColourStatistics.Measure(chosen.Select(i => xyz[i]).ToArray(), chosen.Select(i => lab[i]).ToArray());
    }

    /// <summary>A hair region's usable pixels and their two k-means clusters (null: too few pixels to split).</summary>
    public sealed record HairSplit(Xyz[] Xyz, Lab[] Lab, LabClustering.Clusters? Clusters);

    /// <summary>
    /// <c>sample.too_small</c> when the pixels a mean was finally taken over (after clipping, the skin trim or the hair
    /// cluster) stand for fewer than <see cref="PhotoOptions.MinRegionPixels"/> photo pixels. Counting the region before
    /// the hair was split let a 20-pixel hair cluster in a large region pass unwarned.
    /// </summary>
    private void WarnIfFew(string name, int measured)
    {
        long represented = (long)measured * step * step;
        if (represented < options.MinRegionPixels)
        {
            warnings.Add(new PhotoWarning("sample.too_small",
                $"The {name} was measured over only {represented} usable pixels (fewer than {options.MinRegionPixels}); the measurement is noisy. Draw a larger region, or take the photo closer."));
        }
    }

    private static int[] Members(int[] assignment, int cluster) =>
        [.. Enumerable.Range(0, assignment.Length).Where(i => assignment[i] == cluster)];
}
