using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// Measured colours no person has (issue 13): a "hair" on a blue tie or a "skin" on an orange suit is said, with what to do,
/// instead of being ranked against silently.
/// </summary>
public static class Plausibility
{
    /// <summary>
    /// Skin: NIST's 100-subject skin reflectance set (Cooksey et al. 2017, J. Res. NIST 122:26; the 50 even subjects, D65
    /// 2°, computed in SkinPlausibilityTests) spans C*ab 14.4–25.7 and h 46–68°; darker skins than that set reach lower
    /// hues and chroma. Without a reference a phone is ΔE 5–20 off (reference.none), so only colours beyond that
    /// margin are refused as skin: C*ab over 45, a hue outside 15°–95° once C*ab is 8 or more (below that the hue is
    /// noise), or L* over 92 (a white wall, paper).
    /// </summary>
    public static bool SkinIsPlausible(Lab skin) =>
        skin.Chroma <= 45 && skin.L <= 92 && (skin.Chroma < 8 || skin.HueDegrees is >= 15 and <= 95);

    /// <summary>
    /// Hair: its colour comes from eumelanin and pheomelanin, whose absorption falls steadily from blue to red, so hair
    /// reflects more at long wavelengths: black, browns, reds and blonds (hue 0°–100°) or, with little pigment, nearly
    /// neutral grey and white. A chromatic colour (C*ab 12 or more) outside hue 0°–100° (purples, blues, greens) or
    /// C*ab over 50 is not natural hair (dyed hair can be; the advice says to measure the regrowth).
    /// </summary>
    public static bool HairIsPlausible(Lab hair) =>
        hair.Chroma <= 50 && (hair.Chroma < 12 || hair.HueDegrees is >= 0 and <= 100 || hair.HueDegrees >= 350);

    /// <summary>Adds <c>hair.implausible</c> / <c>skin.implausible</c> with what to do.</summary>
    public static void Check(Lab hair, Lab skin, bool guessed, List<PhotoWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        string fix = guessed ? "The guessed region is probably on clothing or background: mark" : "Check that the region is on";
        if (!SkinIsPlausible(skin))
        {
            warnings.Add(new PhotoWarning("skin.implausible", FormattableString.Invariant(
                $"The skin measures L* {skin.L:F0}, C* {skin.Chroma:F0}, hue {skin.HueDegrees:F0}°, a colour no human skin has. {fix} bare skin (forehead or parted scalp, no make-up or paint); the pigment ranking below is not meaningful until then.")));
        }

        if (!HairIsPlausible(hair))
        {
            warnings.Add(new PhotoWarning("hair.implausible", FormattableString.Invariant(
                $"The hair measures L* {hair.L:F0}, C* {hair.Chroma:F0}, hue {hair.HueDegrees:F0}°, a colour natural hair does not have (black, brown, red, blond or grey). {fix} the hair; for dyed hair mark the natural regrowth. The pigment ranking below is not meaningful until then.")));
        }
    }
}
