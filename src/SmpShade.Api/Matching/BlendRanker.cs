using SmpShade.Colour.Healing;
using SmpShade.Colour.Skin;

namespace SmpShade.Api.Matching;

/// <summary>
/// Two-pigment blends (docs/science.md): the best few distinct pigments in pairs, at 1:1, 1:2 and 2:1, K and S mixed by weight,
/// over the first pigment's ladder. A blend is offered only when it beats the best single candidate by more than the
/// perceptibility threshold: a difference nobody can see is not worth mixing for.
/// </summary>
internal static class BlendRanker
{
    private const int Pigments = 4;
    private const int Offered = 3;
    private static readonly (double First, double Second)[] Ratios = [(1, 1), (1, 2), (2, 1)];

    public static List<RankedCandidate> Rank(MatchRanker ranker, IReadOnlyList<PreparedPigment> pigments, double[] scores, int[] offsets,
        IReadOnlyList<RankedCandidate> singles, MatchQuery query, IHealedToneCorrection? correction)
    {
        if (singles.Count == 0)
        {
            return [];
        }

        // Each pigment's best score over its ladder, then the best few pigments.
        var bestPerPigment = new double[pigments.Count];
        for (int i = 0; i < pigments.Count; i++)
        {
            bestPerPigment[i] = double.MaxValue;
            for (int j = offsets[i]; j < offsets[i + 1]; j++)
            {
                bestPerPigment[i] = Math.Min(bestPerPigment[i], scores[j]);
            }
        }

        var top = MatchRanker.Best(bestPerPigment, Pigments).Select(i => pigments[i]).ToList();
        var blends = new List<RankedCandidate>();
        for (int a = 0; a < top.Count; a++)
        {
            for (int b = a + 1; b < top.Count; b++)
            {
                foreach (var (wa, wb) in Ratios)
                {
                    var ink = InkOptics.Blend([(top[a].Ink, wa), (top[b].Ink, wb)]);
                    foreach (double water in top[a].Ladder)
                    {
                        blends.Add(ranker.Candidate([(top[a], wa), (top[b], wb)], water, ink, query, correction));
                    }
                }
            }
        }

        double bar = singles[0].Score - SkinScales.Thresholds(query.Skin.Measured).Perceptibility;
        return [.. blends.Where(c => c.Score < bar).OrderBy(c => c.Score).Take(Offered)];
    }
}
