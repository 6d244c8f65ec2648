using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>The colour space a photo is encoded in, as the service understood it.</summary>
/// <param name="Space">Transfer curves and matrix to XYZ.</param>
/// <param name="Name">The profile's description, or the assumed space's name.</param>
/// <param name="Assumed">True when the photo's own profile was missing or unusable and sRGB was assumed.</param>
/// <param name="Warning">Why it was assumed (<c>profile.assumed_srgb</c> or <c>profile.unsupported</c>).</param>
public sealed record PhotoColourSpace(RgbColourSpace Space, string Name, bool Assumed, PhotoWarning? Warning);

/// <summary>
/// Turns an ICC matrix/TRC profile (ICC.1:2010 §8.3.4: rXYZ gXYZ bXYZ colorants, D50 PCS, + rTRC gTRC bTRC) into an
/// <see cref="RgbColourSpace"/>; anything else falls back to sRGB with a warning, never an error.
/// </summary>
/// <remarks>
/// ImageSharp 2.1 parses profiles, but its tag classes (IccXyzTagDataEntry, IccCurveTagDataEntry …) are internal,
/// and when tags share one data block it files the shared curve under a single signature (three GreenTrc on an
/// iPhone Display P3 JPEG, three BlueTrc in Argyll's DisplayP3.icm). So the tag table is read here from the raw
/// bytes (<see cref="IccTags"/>): tags that share data simply point at the same offset.
/// </remarks>
public static class IccColourSpace
{
    private static readonly PhotoWarning AssumedSrgb = new("profile.assumed_srgb",
        "The photo has no colour profile; it was read as sRGB, as most phones and the web intend.");

    /// <summary>The space for a profile's bytes (null: none in the file; empty: one that could not be extracted).</summary>
    public static PhotoColourSpace FromProfile(byte[]? profile)
    {
        if (profile is null)
        {
            return new(RgbColourSpace.Srgb, RgbColourSpace.Srgb.Name, true, AssumedSrgb);
        }

        if (profile.Length == 0)
        {
            return Unsupported("the embedded profile could not be extracted");
        }

        var tags = IccTags.TryRead(profile, out string why);
        if (tags is null)
        {
            return Unsupported(why);
        }

        if (tags.DataColourSpace != "RGB " || tags.ConnectionSpace != "XYZ ")
        {
            return Unsupported($"a '{tags.DataColourSpace.Trim()}' profile with a '{tags.ConnectionSpace.Trim()}' connection space");
        }

        var red = tags.Xyz("rXYZ");
        var green = tags.Xyz("gXYZ");
        var blue = tags.Xyz("bXYZ");
        if (red is null || green is null || blue is null)
        {
            return Unsupported("no matrix/TRC colorants: a LUT-based profile");
        }

        var r = tags.Curve("rTRC");
        var g = tags.Curve("gTRC");
        var b = tags.Curve("bTRC");
        if (r is null || g is null || b is null)
        {
            return Unsupported("its tone curves could not be read");
        }

        if (!IsToneCurve(r) || !IsToneCurve(g) || !IsToneCurve(b))
        {
            return Unsupported("a tone curve is not finite and rising from 0 to 1");
        }

        string name = tags.Description() ?? "ICC profile";
        var matrix = Matrix3.FromColumns(red.Value, green.Value, blue.Value);
        if (!double.IsFinite(matrix.Determinant) || Math.Abs(matrix.Determinant) < 1e-9)
        {
            return Unsupported("its colorant matrix is singular");
        }

        return new(new RgbColourSpace(name, matrix, WhitePoint.D50, r, g, b), name, false, null);
    }

    /// <summary>
    /// A TRC maps device values 0..1 to linear 0..1 and never falls (ICC.1:2010 §10.5, §10.15). A damaged or hostile
    /// tag can give NaN, fall (white read as black) or end far from 1; measuring through it gives a confident wrong
    /// colour, so such a curve is refused. Checked on the 8-bit grid, with a little slack for rounded parameters.
    /// </summary>
    private static bool IsToneCurve(TransferFunction curve)
    {
        double previous = curve.ToLinear(0);
        if (!double.IsFinite(previous))
        {
            return false;
        }

        for (int i = 1; i <= 255; i++)
        {
            double value = curve.ToLinear(i / 255.0);
            if (!double.IsFinite(value) || value < previous - 1e-6)
            {
                return false;
            }

            previous = value;
        }

        return previous is > 0.5 and < 2;
    }

    private static PhotoColourSpace Unsupported(string why) =>
        new(RgbColourSpace.Srgb, RgbColourSpace.Srgb.Name, true, new PhotoWarning("profile.unsupported",
            $"The photo's colour profile could not be used ({why}); it was read as sRGB, so colours may be off."));
}
