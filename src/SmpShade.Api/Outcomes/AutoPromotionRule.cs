using System.Globalization;
using SmpShade.Api.Matching;
using SmpShade.Colour;

namespace SmpShade.Api.Outcomes;

/// <summary>One outcome as the rule sees it: its id, the key that recorded it, and the training example.</summary>
public readonly record struct KeyedExample(long Id, string KeyId, TrainingExample Example);

/// <summary>The rule's decision about one trained version, and every reason behind it.</summary>
/// <param name="Promote">True: the version goes into force without an admin.</param>
/// <param name="KeyOutImprovement">
/// Leave-one-key-out mean improvement over physics-only (ΔE00, each key weighted equally, the most favourable key left
/// out); null when the cheaper conditions already failed.
/// </param>
/// <param name="Reasons">Each condition checked, passed or not, as a sentence.</param>
public sealed record RuleVerdict(bool Promote, double? KeyOutImprovement, IReadOnlyList<string> Reasons)
{
    /// <summary>One line for the version's listing.</summary>
    public string Text => (Promote ? "Promoted by the rule: " : "Not promoted by the rule: ") + string.Join(" ", Reasons);
}

/// <summary>
/// The opt-in automatic promotion rule (<see cref="HealedToneLearningOptions.AutoPromote"/>; docs/api.md, "Learning from
/// healed results"). A trained version goes into force without an admin only when all of these hold:
/// it beats physics-only on cross-validation; it learnt from at least <c>AutoPromoteMinimumOutcomes</c> outcomes sent by
/// at least <c>AutoPromoteMinimumKeys</c> distinct API keys, none of which sent more than <c>AutoPromoteMaximumKeyShare</c>
/// of them; trained without each key in turn it still improves on physics-only for the keys it never saw, by at least
/// <c>MinimumImprovement</c> ΔE00 averaged over keys with the key it helps most left out (so no single source carries it);
/// and, when a learnt version is in force, it beats that version, the same way, on the outcomes that version never saw.
/// </summary>
public sealed class AutoPromotionRule(HealedToneLearningOptions options)
{
    /// <summary>At most this many key groups are held out (keys are dealt into groups when there are more).</summary>
    public const int MaxGroups = 10;

    /// <summary>Judges a freshly trained version; <paramref name="inForce"/> is the learnt version in force (null: physics-only).</summary>
    public RuleVerdict Judge(IReadOnlyList<KeyedExample> data, bool beatsPhysics, InForceVersion? inForce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = options;
        var reasons = new List<string>();
        bool ok = Check(reasons, beatsPhysics, "it beats physics-only on cross-validation", "it does not beat physics-only on cross-validation");
        var perKey = data.GroupBy(x => x.KeyId, StringComparer.Ordinal).Select(g => (Key: g.Key, Count: g.Count())).ToList();
        int largest = perKey.Count == 0 ? 0 : perKey.Max(k => k.Count);
        double share = data.Count == 0 ? 0 : (double)largest / data.Count;
        ok &= Check(reasons, data.Count >= o.AutoPromoteMinimumOutcomes, $"{data.Count} outcomes (at least {o.AutoPromoteMinimumOutcomes} needed)");
        ok &= Check(reasons, perKey.Count >= o.AutoPromoteMinimumKeys, $"{perKey.Count} distinct source keys (at least {o.AutoPromoteMinimumKeys} needed)");
        ok &= Check(reasons, share <= o.AutoPromoteMaximumKeyShare,
            $"the largest source sent {F(share * 100, 1)} % of them (at most {F(o.AutoPromoteMaximumKeyShare * 100, 1)} % allowed)");
        if (!ok)
        {
            return new RuleVerdict(false, null, reasons);
        }

        // Leave one key out: every outcome predicted by models that never saw its key.
        var keys = perKey.Select(k => k.Key).Order(StringComparer.Ordinal).ToList();
        int groups = Math.Min(keys.Count, MaxGroups);
        var groupOf = keys.Select((k, i) => (k, i % groups)).ToDictionary(x => x.k, x => x.Item2, StringComparer.Ordinal);
        var heldOut = new HealedToneTrainer(o).HeldOut([.. data.Select(x => x.Example)], [.. data.Select(x => groupOf[x.KeyId])], groups, cancellationToken);

        double physicsGain = Robust(data, i => DeltaE.Ciede2000(data[i].Example.Healed, data[i].Example.Features.Physics)
            - DeltaE.Ciede2000(data[i].Example.Healed, heldOut[i]), out _);
        ok &= Check(reasons, physicsGain >= o.MinimumImprovement,
            $"trained without each key it improves on physics-only for that key by {F(physicsGain, 3)} ΔE00 (mean over keys, the most favourable left out; at least {F(o.MinimumImprovement, 3)} needed)");

        if (inForce is { } current)
        {
            var unseen = Enumerable.Range(0, data.Count).Where(i => data[i].Id > current.LastOutcomeId).ToList();
            var unseenData = unseen.Select(i => data[i]).ToList();
            double gain = Robust(unseenData, j => DeltaE.Ciede2000(unseenData[j].Example.Healed, current.Correction.Correct(unseenData[j].Example.Features))
                - DeltaE.Ciede2000(unseenData[j].Example.Healed, heldOut[unseen[j]]), out int unseenKeys);
            ok &= Check(reasons, unseenKeys >= o.AutoPromoteMinimumKeys && gain > 0,
                $"on the {unseen.Count} outcomes from {unseenKeys} keys that v{current.Version} (in force) never saw it is {F(gain, 3)} ΔE00 closer than v{current.Version} "
                + $"(mean over keys, the most favourable left out; closer, from at least {o.AutoPromoteMinimumKeys} keys, needed)");
        }

        return new RuleVerdict(ok, physicsGain, reasons);
    }

    /// <summary>The learnt version in force: its number, the last outcome it learnt from, and the loaded correction.</summary>
    public sealed record InForceVersion(int Version, long LastOutcomeId, IHealedToneCorrection Correction);

    // Mean of the per-key means of gain(i), leaving out the key with the largest mean (0 with fewer than two keys).
    private static double Robust(IReadOnlyList<KeyedExample> data, Func<int, double> gain, out int keys)
    {
        var means = Enumerable.Range(0, data.Count).GroupBy(i => data[i].KeyId, StringComparer.Ordinal)
            .Select(g => g.Average(gain)).Order().ToList();
        keys = means.Count;
        return means.Count < 2 ? 0 : means.Take(means.Count - 1).Average();
    }

    private static bool Check(List<string> reasons, bool passed, string what, string? failed = null)
    {
        reasons.Add(passed ? $"✓ {what}." : $"✗ {failed ?? what}.");
        return passed;
    }

    private static string F(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
