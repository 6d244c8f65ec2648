using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Outcomes;

/// <summary>How an outcome's two colours were obtained: the values of <c>measurement</c> in an outcome answer.</summary>
[WireVocabulary("OutcomeMeasurement", "How the outcome's colours were obtained: `entered` (sent as JSON Lab values) or `photo` (measured from a follow-up photo, which was not stored).")]
public static class OutcomeMeasurements
{
    public const string Entered = "entered", Photo = "photo";

    public static IReadOnlyList<string> All { get; } = [Entered, Photo];
}

/// <summary>What a decision about the correction in force did: the values of a promotion's <c>action</c>.</summary>
[WireVocabulary("PromotionAction", "`promote` (to a newer version) or `rollback` (to an earlier version or physics-only).")]
public static class PromotionActions
{
    public const string Promote = "promote", Rollback = "rollback";

    public static IReadOnlyList<string> All { get; } = [Promote, Rollback];
}
