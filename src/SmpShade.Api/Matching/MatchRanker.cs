using System.Collections.Concurrent;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Matching;

/// <summary>How to rank: the target, the skin and the request's options.</summary>
/// <param name="Target">The colour the healed dots should have (hair, custom), D65.</param>
/// <param name="Skin">The fitted skin the ink heals in.</param>
/// <param name="Top">How many candidates to return.</param>
/// <param name="Years">Years after healing (fading).</param>
/// <param name="StartLighter">Penalise candidates darker than the target (too dark cannot be undone).</param>
/// <param name="Blends">Also try two-pigment blends of the best pigments.</param>
public sealed record MatchQuery(Lab Target, SkinFit Skin, int Top, double Years, bool StartLighter, bool Blends)
{
    /// <summary>Weight of the start-lighter penalty per L* the candidate is darker than the target (docs/science.md).</summary>
    public const double DarkPenaltyPerL = 0.5;

    /// <summary>Score = ΔE00 + 0.5·max(0, L*target − L*healed) when starting lighter; ΔE00 otherwise.</summary>
    public double Score(double deltaE00, Lab healed) =>
        deltaE00 + (StartLighter ? DarkPenaltyPerL * Math.Max(0, Target.L - healed.L) : 0);
}

/// <summary>One ranked pigment at one dilution (or one blend).</summary>
/// <param name="Parts">The pigment(s) and their parts (one entry of weight 1 for a single pigment).</param>
/// <param name="WaterParts">Parts of water per part of ink.</param>
/// <param name="Healed">Predicted healed colour, D65.</param>
/// <param name="Difference">CIEDE2000 healed vs target, with the weighted ΔL′/S_L, ΔC′/S_C, ΔH′/S_H (healed minus target).</param>
/// <param name="Score">The ranking score (lower is better).</param>
/// <param name="HealedDot">Predicted healed colour of a dot of the options' diameter (lateral correction, docs/science.md §7), D65.</param>
public sealed record RankedCandidate(
    IReadOnlyList<(PreparedPigment Pigment, double Weight)> Parts, double WaterParts, Lab Healed, Ciede2000Result Difference, double Score, Lab HealedDot)
{
    /// <summary>The (first) pigment.</summary>
    public PreparedPigment Pigment => Parts[0].Pigment;
}

/// <summary>The ranked answer before it is shaped for HTTP.</summary>
/// <param name="Candidates">Best first.</param>
/// <param name="Blends">Two-pigment blends that beat the best single pigment by more than the perceptibility threshold.</param>
/// <param name="Evaluated">How many pigment × dilution candidates were predicted.</param>
/// <param name="Correction">The correction's version, or <c>physics-only</c>.</param>
/// <param name="Darkest">The darkest healed colour any single candidate reaches on this skin (physics only).</param>
/// <param name="Lightest">The lightest.</param>
public sealed record MatchRanking(IReadOnlyList<RankedCandidate> Candidates, IReadOnlyList<RankedCandidate> Blends, int Evaluated, string Correction,
    ReachedColour Darkest, ReachedColour Lightest);

/// <summary>A candidate at an end of the reachable range: pigment, dilution and healed colour.</summary>
public sealed record ReachedColour(PreparedPigment Pigment, double WaterParts, Lab Healed);

/// <summary>
/// Ranks every pigment × dilution by how close its predicted healed colour comes to the target (docs/science.md).
/// Per candidate only the ink layer, the stack and XYZ are computed; skin and catalogue optics are prepared before.
/// </summary>
public sealed class MatchRanker(HealedToneModel model)
{
    // Below this many candidates one core is faster than the cost of fanning out.
    private const int ParallelThreshold = 4000;

    /// <summary>Ranks <paramref name="catalogue"/> for <paramref name="query"/>; <paramref name="correction"/> may be null.</summary>
    public MatchRanking Rank(PreparedCatalogue catalogue, MatchQuery query, IHealedToneCorrection? correction)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(query);
        var pigments = catalogue.Pigments;
        // Offsets of each pigment's first candidate in the flat score arrays.
        var offsets = new int[pigments.Count + 1];
        for (int i = 0; i < pigments.Count; i++)
        {
            offsets[i + 1] = offsets[i] + pigments[i].Ladder.Count;
        }

        var scores = new double[offsets[^1]];
        var lightness = new double[offsets[^1]];
        void Evaluate(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                var p = pigments[i];
                for (int j = 0; j < p.Ladder.Count; j++)
                {
                    var healed = model.Healed(query.Skin.Skin, p.Ink, p.Ladder[j], query.Years);
                    scores[offsets[i] + j] = query.Score(DeltaE.Ciede2000(query.Target, healed), healed);
                    lightness[offsets[i] + j] = healed.L;
                }
            }
        }

        if (scores.Length < ParallelThreshold)
        {
            Evaluate(0, pigments.Count);
        }
        else
        {
            Parallel.ForEach(Partitioner.Create(0, pigments.Count, Math.Max(64, pigments.Count / (4 * Environment.ProcessorCount))),
                range => Evaluate(range.Item1, range.Item2));
        }

        // With a correction, re-score a physics shortlist: the learned model is slower than the physics and only
        // nudges the ranking among candidates that are already close.
        int keep = correction is null ? query.Top : Math.Max(50, 5 * query.Top);
        var shortlist = Best(scores, keep).Select(index =>
        {
            var (pigment, water) = At(pigments, offsets, index);
            return Candidate([(pigment, 1.0)], water, pigment.Ink, query, correction);
        }).OrderBy(c => c.Score).Take(query.Top).ToList();

        var blends = query.Blends ? BlendRanker.Rank(this, pigments, scores, offsets, shortlist, query, correction) : [];
        return new MatchRanking(shortlist, blends, scores.Length, correction?.Version ?? IHealedToneCorrectionSource.PhysicsOnly,
            Reached(pigments, offsets, query, Array.IndexOf(lightness, lightness.Min())),
            Reached(pigments, offsets, query, Array.IndexOf(lightness, lightness.Max())));
    }

    private ReachedColour Reached(IReadOnlyList<PreparedPigment> pigments, int[] offsets, MatchQuery query, int index)
    {
        var (pigment, water) = At(pigments, offsets, index);
        return new ReachedColour(pigment, water, model.Healed(query.Skin.Skin, pigment.Ink, water, query.Years));
    }

    private static (PreparedPigment Pigment, double WaterParts) At(IReadOnlyList<PreparedPigment> pigments, int[] offsets, int index)
    {
        // offsets rise strictly (every ladder has a step), so the pigment is the last offset ≤ index.
        int i = Array.BinarySearch(offsets, index);
        i = i >= 0 ? i : ~i - 1;
        return (pigments[i], pigments[i].Ladder[index - offsets[i]]);
    }

    /// <summary>Predicts and scores one ink (single or blended) at one dilution.</summary>
    internal RankedCandidate Candidate(IReadOnlyList<(PreparedPigment, double)> parts, double waterParts, InkOptics ink,
        MatchQuery query, IHealedToneCorrection? correction)
    {
        var healed = model.Healed(query.Skin.Skin, ink, waterParts, query.Years);
        var dot = model.HealedDot(query.Skin.Skin, ink, waterParts, query.Years);
        if (correction is not null)
        {
            // The learned correction is trained on the plane's prediction; the dot moves by the same Lab offset.
            var corrected = correction.Correct(new HealedToneFeatures(query.Skin.Measured, ink.Lab, 1 / (1 + waterParts), query.Years * 12, healed));
            dot = new Lab(dot.L + corrected.L - healed.L, dot.A + corrected.A - healed.A, dot.B + corrected.B - healed.B);
            healed = corrected;
        }

        var difference = DeltaE.Ciede2000Parts(query.Target, healed);
        return new RankedCandidate(parts, waterParts, healed, difference, query.Score(difference.DeltaE, healed), dot);
    }

    /// <summary>Indices of the <paramref name="count"/> lowest scores, best first (a bounded max-heap: O(n log count)).</summary>
    internal static List<int> Best(double[] scores, int count)
    {
        var heap = new PriorityQueue<int, double>(Comparer<double>.Create((x, y) => y.CompareTo(x)));
        for (int i = 0; i < scores.Length; i++)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(i, scores[i]);
            }
            else if (heap.TryPeek(out _, out double worst) && scores[i] < worst)
            {
                heap.DequeueEnqueue(i, scores[i]);
            }
        }

        var result = new List<int>(heap.Count);
        while (heap.Count > 0)
        {
            result.Add(heap.Dequeue());
        }

        result.Reverse();
        return result;
    }
}
