using SmpShade.Api.Infrastructure;
using SmpShade.Colour.Skin;

namespace SmpShade.Api.Photos;

/// <summary>The ITA° categories as the analysis answer's <c>skin.itaCategory</c> spells them.</summary>
[WireVocabulary("ItaCategory", "The skin's ITA° category (Del Bino et al. 2006): `veryLight` (ITA° > 55), `light` (41–55), `intermediate` (28–41), `tan` (10–28), `brown` (−30–10) or `dark` (≤ −30), each including its upper bound.")]
public static class ItaCategories
{
    /// <summary>The category camel-cased: <c>veryLight</c>, <c>light</c> … <c>dark</c>.</summary>
    public static string ToText(ItaCategory category)
    {
        string name = category.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Every category, lightest first.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<ItaCategory>().Select(ToText)];
}

/// <summary>Where a chart's corners in the answer came from (<c>reference.cornersFound</c>).</summary>
[WireVocabulary("CornersFound", "Where the chart's corners came from: `given` (the request's taps) or `detected` (found by the service).")]
public static class CornersFound
{
    public const string Given = "given", Detected = "detected";

    public static IReadOnlyList<string> All { get; } = [Given, Detected];
}
