namespace SmpShade.Api.Catalogue;

/// <summary>The wire and storage names of <see cref="PigmentBase"/>: carbon, iron-oxide, organic, mixed.</summary>
public static class PigmentBases
{
    public static string ToText(PigmentBase value) => value switch
    {
        PigmentBase.Carbon => "carbon",
        PigmentBase.IronOxide => "iron-oxide",
        PigmentBase.Organic => "organic",
        _ => "mixed",
    };

    /// <summary>Case-insensitive; null when the text names no base.</summary>
    public static PigmentBase? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "carbon" => PigmentBase.Carbon,
        "iron-oxide" => PigmentBase.IronOxide,
        "organic" => PigmentBase.Organic,
        "mixed" => PigmentBase.Mixed,
        _ => null,
    };
}
