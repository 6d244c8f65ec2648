namespace SmpShade.Api.Photos.Reference;

/// <summary>The values of <c>reference.type</c> in a request and an answer (docs/api.md).</summary>
[Infrastructure.WireVocabulary("ReferenceType", "The reference in the photo: `none` (the camera's own colours), `greyCard` or `colorChecker24`.")]
public static class ReferenceTypes
{
    /// <summary>No reference: the photo's own colours, through its profile.</summary>
    public const string None = "none";

    /// <summary>A neutral grey card, by its region.</summary>
    public const string GreyCard = "greyCard";

    /// <summary>A 24-patch ColorChecker, by its four corners.</summary>
    public const string ColorChecker24 = "colorChecker24";

    /// <summary>Every accepted type, in the order the refusal of an unknown one lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [None, GreyCard, ColorChecker24];
}
