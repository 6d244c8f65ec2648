using System.Runtime.Intrinsics;

namespace SmpShade.Colour.Healing;

/// <summary>The per-candidate hot path, four wavelengths at a time.</summary>
public sealed partial class SkinLayers
{
    /// <summary>
    /// The healed colour's tristimulus values (D65, white Y = 1) with ink (K/S) <paramref name="inkKOverS"/> at
    /// <paramref name="load"/> cm⁻¹: the same optics as <see cref="Reflectance"/>, evaluated with 256-bit vectors.
    /// </summary>
    /// <remarks>
    /// The layer uses 1 − e^(−2y) directly: the pigmented dermis always absorbs (baseline μa ≥ 0.24 cm⁻¹) and
    /// scatters (S ≥ 14 cm⁻¹), so y = bSX ≥ 0.07 and the subtraction loses at most one digit of sixteen.
    /// </remarks>
    public Xyz HealedXyz(ReadOnlySpan<double> inkKOverS, double load)
    {
        Span<double> ks = stackalloc double[Padded];
        ks.Clear();
        inkKOverS[..Math.Min(inkKOverS.Length, Chromophores.Count)].CopyTo(ks);
        var one = Vector256.Create(1.0);
        var two = Vector256.Create(2.0);
        var loadV = Vector256.Create(load);
        var thickness = Vector256.Create(pigmentedCm);
        var c0 = Vector256.Create(specular ? k1 : 0);
        var c1 = Vector256.Create((1 - k1) * (1 - k2));
        var k2V = Vector256.Create(k2);
        Vector256<double> x = default, y = default, z = default;
        for (int i = 0; i < Padded; i += 4)
        {
            var s = Vector256.Create(pigmentedS.AsSpan(i, 4)) + loadV;
            var k = Vector256.Create(pigmentedK.AsSpan(i, 4)) + loadV * Vector256.Create(ks.Slice(i, 4));
            var ratio = k / s;
            var a = one + ratio;
            var b = Vector256.Sqrt(ratio * (ratio + two));
            var e = Vector256.Exp(-(b * s * thickness));
            var e2 = e * e;
            var oneMinusE2 = one - e2;
            var inverse = one / (a * oneMinusE2 + b * (one + e2));
            var r = oneMinusE2 * inverse;
            var t = two * b * e * inverse;
            // Ink layer over the deep dermis, then under the top composite, then through the surface (Saunderson).
            var deep = Vector256.Create(deepReflectance.AsSpan(i, 4));
            var below = r + t * t * deep / (one - r * deep);
            var body = Vector256.Create(topReflectanceAbove.AsSpan(i, 4))
                + Vector256.Create(topTransmittanceSquared.AsSpan(i, 4)) * below / (one - Vector256.Create(topReflectanceBelow.AsSpan(i, 4)) * below);
            var observed = c0 + c1 * body / (one - k2V * body);
            x += observed * Vector256.Create(weightX.AsSpan(i, 4));
            y += observed * Vector256.Create(weightY.AsSpan(i, 4));
            z += observed * Vector256.Create(weightZ.AsSpan(i, 4));
        }

        return new Xyz(Vector256.Sum(x), Vector256.Sum(y), Vector256.Sum(z));
    }
}
