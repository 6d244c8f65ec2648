using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Matching;

/// <summary>What a match aims at: the values of <c>mode</c> in a match request and its answer.</summary>
[WireVocabulary("MatchMode", "What the match aims at: `hair` (hairLab, the default), `custom` (targetLab) or `scar` (hairLab, in the scar tissue given as skinLab).")]
public static class MatchModes
{
    /// <summary>The hair colour (<c>hairLab</c>) on the client's skin.</summary>
    public const string Hair = "hair";

    /// <summary>Any colour (<c>targetLab</c>).</summary>
    public const string Custom = "custom";

    /// <summary>The hair colour, healed in scar tissue (<c>skinLab</c> is the scar).</summary>
    public const string Scar = "scar";

    /// <summary>Every mode, in the order the refusal of an unknown one lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Hair, Custom, Scar];
}

/// <summary>How visible a candidate's difference from the target is on this skin (<see cref="MatchThresholds"/>).</summary>
[WireVocabulary("MatchTier", "How visible the healed colour's difference from the target is on this skin: `imperceptible` (ΔE00 ≤ thresholds.perceptibility), `acceptable` (≤ thresholds.acceptability) or `visible`.")]
public static class MatchTiers
{
    public const string Imperceptible = "imperceptible", Acceptable = "acceptable", Visible = "visible";

    /// <summary>The tiers from closest to farthest.</summary>
    public static IReadOnlyList<string> All { get; } = [Imperceptible, Acceptable, Visible];
}
