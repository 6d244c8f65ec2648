namespace SmpShade.Api.Catalogue;

/// <summary>The wire and storage names of <see cref="PigmentBase"/>: carbon, iron-oxide, organic, mixed.</summary>
[Infrastructure.WireVocabulary("PigmentBase", "A pigment's base: `carbon`, `iron-oxide`, `organic` or `mixed` (its default scattering, docs/science.md §4).")]
public static class PigmentBases
{
    public static string ToText(PigmentBase value) => value switch
    {
        PigmentBase.Carbon => "carbon",
        PigmentBase.IronOxide => "iron-oxide",
        PigmentBase.Organic => "organic",
        _ => "mixed",
    };

    /// <summary>Every base as spelt on the wire, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<PigmentBase>().Select(ToText)];

    /// <summary>Case-insensitive; null when the text names no base.</summary>
    public static PigmentBase? Parse(string? text)
    {
        string? wanted = text?.Trim().ToLowerInvariant();
        foreach (var value in Enum.GetValues<PigmentBase>())
        {
            if (ToText(value) == wanted)
            {
                return value;
            }
        }

        return null;
    }
}
