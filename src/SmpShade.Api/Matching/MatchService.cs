using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Photos;
using SmpShade.Colour;
using SmpShade.Colour.Healing;
using SmpShade.Colour.Skin;

namespace SmpShade.Api.Matching;

/// <summary>A validated match: what to match, on what skin, against which catalogue.</summary>
/// <remarks><c>SkinReference</c>: how the skin was measured (<c>none</c>, <c>greyCard</c>, <c>colorChecker24</c>), if said.</remarks>
public sealed record MatchPlan(string Mode, Lab Skin, Lab Target, int Top, string? Supplier, int? CatalogueVersion,
    double Years, bool StartLighter, bool Blends, string? SkinReference = null);

/// <summary>
/// Runs a match: pigments from the source, their optics from the cache, the skin fitted once per distinct measured
/// colour (<see cref="FittedSkins"/>), every candidate ranked,
/// the answer shaped with the model's name, assumptions and correction.
/// </summary>
public sealed class MatchService(
    IPigmentSource source, PreparedCatalogueCache cache, HealedToneModel model, MatchRanker ranker, IHealedToneCorrectionSource corrections,
    FittedSkins skins, MatchInputs inputs, SmpShadeDbContext db)
{
    /// <summary>Matches; an unknown or empty catalogue is a 404 problem (<see cref="IPigmentSource.CatalogueMissing"/>).</summary>
    public async Task<MatchResponse> MatchAsync(MatchPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (fingerprint, correction) = await inputs.GetAsync(ReadAsync, cancellationToken);
        // A repeated catalogue is found by the fingerprint without a read; a new one (or a new fingerprint) is read.
        var prepared = await cache.GetAsync(source, plan.Supplier, plan.CatalogueVersion, fingerprint, cancellationToken);

        var fit = await skins.FitAsync(plan.Skin, cancellationToken);
        var thresholds = new MatchThresholds(SkinScales.Thresholds(plan.Skin));
        var ranking = ranker.Rank(prepared, new MatchQuery(plan.Target, fit, plan.Top, plan.Years, plan.StartLighter, plan.Blends), correction);

        var warnings = new List<PhotoWarning>();
        if (fit.IsPoor)
        {
            warnings.Add(PoorSkinFit(plan, fit.DeltaE00));
        }

        if (Unreachable(plan.Target, ranking, thresholds) is { } unreachable)
        {
            warnings.Add(unreachable);
        }

        // From a distance the dots (of the options' diameter) mix with the client's own skin between them (the measured
        // colour, not the model's fit).
        HealedColour Far(RankedCandidate c) => Colour(model.FromDistance(c.HealedDot, plan.Skin));
        var o = model.Options;
        return new MatchResponse(
            plan.Mode,
            Value(plan.Target),
            [.. ranking.Candidates.Select(c => Single(c, thresholds, Far(c), plan.Target))],
            [.. ranking.Blends.Select(c => Blend(c, thresholds, Far(c), plan.Target))],
            prepared.Versions,
            new ModelSummary(HealedToneOptions.ModelName, o.ParametersVersion, "D65", "2°", o.Assumptions(), ranking.Correction,
                new DotCorrectionSummary(DotSpread.Name, DotSpread.ParametersVersion, DotSpread.Parameters)),
            new SkinFitSummary(Value(plan.Skin), Value(fit.Skin.Lab), Round(fit.Skin.MelaninFraction, 5), Round(fit.Skin.BloodFraction, 5),
                Round(fit.DeltaE00, 3), Round(SkinScales.Ita(plan.Skin), 2)),
            new ThresholdSummary(Round(thresholds.Perceptibility, 3), Round(thresholds.Acceptability, 3)),
            ranking.Evaluated,
            warnings);
    }

    /// <summary>
    /// The catalogue fingerprint and the correction in force from the database, on one connection instead of one each:
    /// every open and close takes Microsoft.Data.Sqlite's pool lock, and 16 concurrent matches on two cores queued on it
    /// about 860 times in 15 s, 3 ms each at the median (issue 15). On SQLite <see cref="MatchInputs"/> skips this while
    /// nothing was written to the file.
    /// </summary>
    private async Task<MatchFacts> ReadAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            long fingerprint = await source.GetFingerprintAsync(cancellationToken);
            return new MatchFacts(fingerprint, await corrections.InForceAsync(cancellationToken));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// A skin the model cannot reproduce. Measured without a reference (<c>none</c>) the usual cause is the camera, not the
    /// skin: a phone's rendering can give skin a colour no measured skin has (NIST's 50 subjects span C*ab 14.4–25.7; an
    /// ordinary portrait can read about 30), so the answer says so and what fixes it (<c>skin.uncalibrated_colour</c>);
    /// with a reference, or unsaid, <c>skin.poor_fit</c>.
    /// </summary>
    private static PhotoWarning PoorSkinFit(MatchPlan plan, double deltaE00)
    {
        var skin = plan.Skin;
        return plan.SkinReference == ReferenceTypes.None
            ? new PhotoWarning("skin.uncalibrated_colour", FormattableString.Invariant(
                $"The skin colour (L* {skin.L:0}, C*ab {skin.Chroma:0}, hue {skin.HueDegrees:0}°) was measured without a grey card or colour chart, so it is the camera's own rendering of the skin, not its true colour, and the skin model (built from measured skins) reproduces it only to ΔE00 {deltaE00:0.0}: predictions on it are less certain. Retake the photo with a grey card or a ColorChecker beside the scalp, lit the same way, for the skin's true colour."))
            : new PhotoWarning("skin.poor_fit", FormattableString.Invariant(
                $"The skin model reproduces this skin colour only to ΔE00 {deltaE00:0.0}; predictions on it are less certain."));
    }

    /// <summary>
    /// <c>target.unreachable</c> when no candidate is acceptable and the target lies beyond the lightness any
    /// candidate heals to on this skin (black hair on light skin is the common case: ink under skin reads dark grey).
    /// </summary>
    private static PhotoWarning? Unreachable(Lab target, MatchRanking ranking, MatchThresholds thresholds)
    {
        if (ranking.Candidates.Count == 0 || ranking.Candidates[0].Difference.DeltaE <= thresholds.Acceptability)
        {
            return null;
        }

        var (limit, darker) = target.L < ranking.Darkest.Healed.L ? (ranking.Darkest, true)
            : target.L > ranking.Lightest.Healed.L ? (ranking.Lightest, false) : (null, false);
        if (limit is null)
        {
            return null;
        }

        var best = ranking.Candidates[0];
        string L(double v) => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return new PhotoWarning("target.unreachable",
            $"The target (L* {L(target.L)}) is {(darker ? "darker" : "lighter")} than anything this catalogue heals to on this skin: " +
            $"the {(darker ? "darkest" : "lightest")} reachable is L* {L(limit.Healed.L)} ({limit.Pigment.Pigment.Name}, {Parts(limit.WaterParts)}). " +
            $"The closest candidate, {best.Pigment.Pigment.Name} at {Parts(best.WaterParts)}, still differs by ΔE00 {best.Difference.DeltaE.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    private static string Parts(double water) => water == 0 ? "neat"
        : $"{water.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} part{(water == 1 ? "" : "s")} water";

    private static MatchCandidate Single(RankedCandidate c, MatchThresholds t, HealedColour far, Lab target)
    {
        var d = c.Difference;
        return new MatchCandidate(Summary(c.Pigment.Pigment), c.WaterParts, Colour(c.Healed), Colour(c.HealedDot), DotDeltaE(c, target), far,
            Round(d.DeltaE, 3), Round(d.DeltaL, 3),
            Round(d.DeltaC, 3), Round(d.DeltaH, 3), Round(c.Score, 3), t.Tier(d.DeltaE),
            MatchExplanation.For(c.Pigment.Ink.Lab, c.Healed, d, t, blend: false));
    }

    private static MatchBlend Blend(RankedCandidate c, MatchThresholds t, HealedColour far, Lab target)
    {
        var d = c.Difference;
        var neat = InkOptics.Blend([.. c.Parts.Select(p => (p.Pigment.Ink, p.Weight))]).Lab;
        return new MatchBlend([.. c.Parts.Select(p => new BlendPart(Summary(p.Pigment.Pigment), p.Weight))], c.WaterParts, Colour(c.Healed),
            Colour(c.HealedDot), DotDeltaE(c, target), far,
            Round(d.DeltaE, 3), Round(d.DeltaL, 3), Round(d.DeltaC, 3), Round(d.DeltaH, 3), Round(c.Score, 3), t.Tier(d.DeltaE),
            MatchExplanation.For(neat, c.Healed, d, t, blend: true));
    }

    private static double DotDeltaE(RankedCandidate c, Lab target) => Round(DeltaE.Ciede2000(target, c.HealedDot), 3);

    private static PigmentSummary Summary(CataloguePigment p) => new(p.Supplier, p.Version, p.Sku, p.Name, p.BaseText, Value(p.Lab));

    private static HealedColour Colour(Lab lab)
    {
        var rgb = RgbColourSpace.Srgb.FromLab(lab);
        return new HealedColour(Value(lab), rgb.Rgb.ToHex(), rgb.InGamut);
    }

    private static LabValue Value(Lab lab) => new(Round(lab.L, 3), Round(lab.A, 3), Round(lab.B, 3));

    private static double Round(double v, int digits) => Math.Round(v, digits);
}
