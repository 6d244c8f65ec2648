using System.Globalization;
using SmpShade.Colour;

namespace SmpShade.Api.Matching;

/// <summary>
/// The one plain sentence a practitioner reads under a swatch, e.g. "Heals 14 L* lighter and cooler (Δb* −3) than
/// in the bottle on this skin; within acceptability." The comparison is with the neat ink as sold (its catalogue colour),
/// whatever the dilution; a blend's with its two inks mixed neat.
/// </summary>
public static class MatchExplanation
{
    /// <summary>Below this |Δb*| the shift is not called warmer or cooler.</summary>
    private const double TemperatureStep = 1;

    /// <summary>Explains <paramref name="healed"/> against the <paramref name="neat"/> ink and the target difference.</summary>
    public static string For(Lab neat, Lab healed, Ciede2000Result vsTarget, MatchThresholds thresholds, bool blend)
    {
        double dl = healed.L - neat.L;
        double db = healed.B - neat.B;
        string? lightness = Math.Abs(dl) < 0.5 ? null : $"{Number(Math.Abs(dl))} L* {(dl > 0 ? "lighter" : "darker")}";
        string? temperature = db <= -TemperatureStep ? "cooler" : db >= TemperatureStep ? "warmer" : null;
        string neatText = blend ? "the neat mix" : "in the bottle";
        string change = (lightness, temperature) switch
        {
            (not null, not null) => $"{lightness} and {temperature} (Δb* {Signed(db)}) than {neatText}",
            (not null, null) => $"{lightness} than {neatText}",
            (null, not null) => $"about as light as {neatText} but {temperature} (Δb* {Signed(db)})",
            _ => blend ? "close to the neat mix" : "close to its colour in the bottle",
        };
        string verdict = thresholds.Tier(vsTarget.DeltaE) switch
        {
            "imperceptible" => "indistinguishable from the target",
            "acceptable" => "within acceptability",
            _ => $"visibly {Largest(vsTarget)} the target (ΔE00 {vsTarget.DeltaE.ToString("0.0", CultureInfo.InvariantCulture)})",
        };
        return $"Heals {change} on this skin; {verdict}.";
    }

    /// <summary>
    /// The component of CIEDE2000 that contributes most (the weighted ΔL′/S_L, ΔC′/S_C, ΔH′/S_H, healed minus target):
    /// "lighter than" only when lightness is really what differs, not when the chroma is 20 units off.
    /// </summary>
    private static string Largest(Ciede2000Result d)
    {
        double l = Math.Abs(d.DeltaL), c = Math.Abs(d.DeltaC), h = Math.Abs(d.DeltaH);
        if (l >= c && l >= h)
        {
            return d.DeltaL < 0 ? "darker than" : "lighter than";
        }

        return c >= h ? (d.DeltaC < 0 ? "greyer (less saturated) than" : "more saturated than") : "a different hue from";
    }

    private static string Number(double v) => Math.Round(v).ToString("0", CultureInfo.InvariantCulture);

    // A typographic minus, as in the design's example.
    private static string Signed(double v)
    {
        double r = Math.Round(v);
        return r < 0 ? "−" + (-r).ToString("0", CultureInfo.InvariantCulture) : (r > 0 ? "+" : "") + r.ToString("0", CultureInfo.InvariantCulture);
    }
}
