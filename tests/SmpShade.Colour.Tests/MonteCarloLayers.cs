using SmpShade.Colour.Transport;

namespace SmpShade.Colour.Tests;

/// <summary>One tissue layer for <see cref="MonteCarloLayers"/>: μa and μs in cm⁻¹, Henyey–Greenstein g, thickness in cm (∞ for the last).</summary>
public sealed record McLayer(double Absorption, double Scattering, double Anisotropy, double ThicknessCm);

/// <summary>A dot of ink: inside the cylinder of radius <paramref name="RadiusCm"/> (∞ for a plane) layer <paramref name="Layer"/> has these coefficients.</summary>
public sealed record McDot(int Layer, double RadiusCm, double Absorption, double Scattering);

/// <summary>
/// A run's answer: a mean diffuse reflectance (specular left out) with its standard error and, for a finite stack
/// under a plane of light, the total transmittance.
/// </summary>
public sealed record McResult(double Reflectance, double ReflectanceError, double Transmittance, double TransmittanceError, int Photons);

/// <summary>
/// The photon Monte Carlo of <see cref="MonteCarloSlab"/> (MCML's method: Wang, Jacques &amp; Zheng 1995) extended to
/// the layered skin stack with a refractive-index mismatched surface and lateral photon positions, so that ink can
/// fill only a cylinder (an SMP dot) of one layer (docs/science.md §7). A test and derivation tool: the service never
/// runs it.
/// </summary>
/// <remarks>
/// <para>Layers are index-matched to each other (one tissue index, as the adding-doubling stack assumes) between air
/// above and, for a finite stack, air below; each boundary with air reflects a photon with the unpolarised Fresnel
/// probability (MCML's all-or-none choice). Steps are optical depths: a step crossing a layer boundary or the dot's wall
/// is cut there and resumed with the new medium's μt.</para>
/// <para><see cref="Plane"/>: a collimated beam at normal incidence on laterally uniform layers (MCML's problem), the
/// beam's specular reflection left out.</para>
/// <para><see cref="Dot"/>: the mean diffuse reflectance over a dot of radius a under the same uniform normal light.
/// Scoring the photons that leave inside a small dot wastes nearly all of them (most light leaving a 0.5 mm dot entered
/// up to a diffusion length away), so it is computed in the reciprocal arrangement instead. By Helmholtz reciprocity of
/// the skin's response S(xᵢ, ωᵢ; xₒ, ωₒ) = S(xₒ, ωₒ; xᵢ, ωᵢ) (both ends in air), R̄ = (1/A)∫_dot dxₒ∫cos θ dω∫dxᵢ S(xᵢ, ẑ; xₒ, ω)
/// equals π·I(ẑ)/Φ: light of uniform radiance falling on the dot only (flux Φ), and the radiant intensity I(ẑ) it
/// sends out along the normal from the whole surface. I(ẑ) is scored by next-event estimation: at every interaction a
/// photon of weight w adds w·p(ẑ)·e^(−τ)·(1 − R_F(0))/n², p the Henyey–Greenstein density of scattering straight up,
/// τ the optical depth straight up to the surface (through the ink if above it), 1 − R_F(0) the surface's normal
/// transmission and 1/n² the widening of a solid angle leaving tissue of index n. A uniform plane in place of the dot
/// gives the plane's reflectance: the tests check both arrangements against each other and against adding-doubling.</para>
/// </remarks>
public static class MonteCarloLayers
{
    private const double RouletteWeight = 1e-4, RouletteChance = 0.1;

    /// <summary>A collimated beam at normal incidence on laterally uniform layers (ink everywhere in its layer if <paramref name="ink"/> is given).</summary>
    /// <param name="layers">Top to bottom; the last one's thickness may be ∞ (semi-infinite).</param>
    /// <param name="index">Refractive index of the tissue (air above and below is 1).</param>
    /// <param name="ink">A dot of infinite radius, or null.</param>
    /// <param name="photons">Photons launched.</param>
    /// <param name="seed">Random seed: runs are reproducible.</param>
    public static McResult Plane(IReadOnlyList<McLayer> layers, double index, McDot? ink, int photons, int seed)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (ink is { } d && !double.IsPositiveInfinity(d.RadiusCm))
        {
            throw new ArgumentException("A plane's ink fills its layer (radius ∞); use Dot for a finite dot.", nameof(ink));
        }

        var random = new Xoshiro(seed);
        var tops = Tops(layers);
        double specular = Fresnel.Reflectance(1, index, 1);
        var (r, t) = (new Tally(), new Tally());
        for (int p = 0; p < photons; p++)
        {
            var photon = new Photon(layers, tops, index, ink, 0, 0, 0, 0, 1, 1 - specular, nextEvent: false);
            var down = photon.Trace(random);
            r.Add(down == false ? photon.Weight : 0);
            t.Add(down == true ? photon.Weight : 0);
        }

        return new McResult(r.Mean(photons), r.Error(photons), t.Mean(photons), t.Error(photons), photons);
    }

    /// <summary>The mean diffuse reflectance over <paramref name="dot"/> (radius ∞: the plane) under uniform normal light, by reciprocity (see remarks).</summary>
    public static McResult Dot(IReadOnlyList<McLayer> layers, double index, McDot dot, int photons, int seed)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(dot);
        var random = new Xoshiro(seed);
        var tops = Tops(layers);
        bool plane = double.IsPositiveInfinity(dot.RadiusCm);
        var score = new Tally();
        for (int p = 0; p < photons; p++)
        {
            // Uniform over the dot; directions of uniform radiance in air (cosine-weighted), refracted into the tissue.
            double radius = plane ? 0 : dot.RadiusCm * Math.Sqrt(random.Next());
            var (sinPhi, cosPhi) = Math.SinCos(2 * Math.PI * random.Next());
            double sinAir = Math.Sqrt(random.Next()), cosAir = Math.Sqrt(1 - (sinAir * sinAir));
            double sinTissue = sinAir / index, cosTissue = Math.Sqrt(1 - (sinTissue * sinTissue));
            var (sinAzimuth, cosAzimuth) = Math.SinCos(2 * Math.PI * random.Next());
            var photon = new Photon(layers, tops, index, dot, radius * cosPhi, radius * sinPhi,
                sinTissue * cosAzimuth, sinTissue * sinAzimuth, cosTissue, 1 - Fresnel.Reflectance(1, index, cosAir), nextEvent: true);
            photon.Trace(random);
            score.Add(Math.PI * photon.Score);
        }

        return new McResult(score.Mean(photons), score.Error(photons), 0, 0, photons);
    }

    private static double[] Tops(IReadOnlyList<McLayer> layers)
    {
        var tops = new double[layers.Count + 1];
        for (int i = 0; i < layers.Count; i++)
        {
            tops[i + 1] = tops[i] + layers[i].ThicknessCm;
        }

        return tops;
    }

    /// <summary>Henyey–Greenstein density per steradian of scattering by angle θ, from cos θ.</summary>
    private static double HenyeyGreenstein(double g, double cosine) =>
        (1 - (g * g)) / (4 * Math.PI * Math.Pow(1 + (g * g) - (2 * g * cosine), 1.5));

    /// <summary>Sum and sum of squares of per-photon scores; the standard error of their mean (MCML reports the same kind).</summary>
    private sealed class Tally
    {
        private double sum, squares;

        public void Add(double score)
        {
            sum += score;
            squares += score * score;
        }

        public double Mean(int n) => sum / n;

        public double Error(int n) => Math.Sqrt(Math.Max(0, (squares / n) - Math.Pow(sum / n, 2)) / n);
    }

    /// <summary>One photon's walk; <see cref="Trace"/> returns where and with what weight it left through the surface.</summary>
    private sealed class Photon(IReadOnlyList<McLayer> layers, double[] tops, double index, McDot? dot,
        double x, double y, double ux, double uy, double uz, double w, bool nextEvent)
    {
        private readonly double normalEscape = (1 - Fresnel.Reflectance(index, 1, 1)) / (index * index);
        private double z;
        private int layer;
        private bool inInk;

        /// <summary>The weight left when it escaped.</summary>
        public double Weight => w;

        /// <summary>The next-event estimate of its radiant intensity along the normal in air, per unit weight launched.</summary>
        public double Score { get; private set; }

        /// <summary>Null when absorbed; true when it left through the bottom, false through the surface.</summary>
        public bool? Trace(Xoshiro random)
        {
            inInk = InkAt(0);
            while (true)
            {
                double s = -Math.Log(1 - random.Next());
                while (true)
                {
                    var (mua, mus) = Medium();
                    double mut = mua + mus;
                    double step = s / mut;
                    double toLayer = uz < 0 ? (tops[layer] - z) / uz : uz > 0 ? (tops[layer + 1] - z) / uz : double.PositiveInfinity;
                    double toWall = dot is { } d && d.Layer == layer && !double.IsPositiveInfinity(d.RadiusCm) ? ToWall(d.RadiusCm) : double.PositiveInfinity;
                    if (step <= toLayer && step <= toWall)
                    {
                        Move(step);
                        w *= mus / mut;
                        if (nextEvent)
                        {
                            Score += w * HenyeyGreenstein(layers[layer].Anisotropy, -uz) * Math.Exp(-DepthUp()) * normalEscape;
                        }

                        (ux, uy, uz) = MonteCarloSlab.Deflect(ux, uy, uz, layers[layer].Anisotropy, random.Next(), random.Next());
                        break;
                    }

                    s -= Math.Min(toLayer, toWall) * mut;
                    if (toWall < toLayer)
                    {
                        Move(toWall);
                        inInk = !inInk;
                        continue;
                    }

                    Move(toLayer);
                    bool down = uz > 0;
                    if (down && layer < layers.Count - 1)
                    {
                        z = tops[++layer];
                        inInk = InkAt(layer);
                    }
                    else if (!down && layer > 0)
                    {
                        z = tops[layer--];
                        inInk = InkAt(layer);
                    }
                    else if (random.Next() < Fresnel.Reflectance(index, 1, Math.Abs(uz)))
                    {
                        (z, uz) = (down ? tops[layer + 1] : 0, -uz);
                    }
                    else
                    {
                        return down;
                    }
                }

                if (w < RouletteWeight)
                {
                    if (random.Next() >= RouletteChance)
                    {
                        return null;
                    }

                    w /= RouletteChance;
                }
            }
        }

        /// <summary>Optical depth straight up from here to the surface (through the ink where the dot lies above).</summary>
        private double DepthUp()
        {
            double tau = (z - tops[layer]) * Mut(layer, inInk);
            for (int l = 0; l < layer; l++)
            {
                tau += layers[l].ThicknessCm * Mut(l, InkAt(l));
            }

            return tau;
        }

        private double Mut(int l, bool ink) => ink && dot is { } d ? d.Absorption + d.Scattering : layers[l].Absorption + layers[l].Scattering;

        private bool InkAt(int l) => dot is { } d && d.Layer == l && (double.IsPositiveInfinity(d.RadiusCm) || (x * x) + (y * y) < d.RadiusCm * d.RadiusCm);

        private (double Absorption, double Scattering) Medium() => inInk && dot is { } d
            ? (d.Absorption, d.Scattering)
            : (layers[layer].Absorption, layers[layer].Scattering);

        private void Move(double distance)
        {
            x += distance * ux;
            y += distance * uy;
            z += distance * uz;
        }

        /// <summary>Distance along the direction to the dot's wall: the far root from inside, the near one from outside.</summary>
        private double ToWall(double radius)
        {
            double a = (ux * ux) + (uy * uy);
            if (a < 1e-14)
            {
                return double.PositiveInfinity;
            }

            double b = 2 * ((x * ux) + (y * uy)), c = (x * x) + (y * y) - (radius * radius);
            double disc = (b * b) - (4 * a * c);
            if (inInk)
            {
                return Math.Max(0, (-b + Math.Sqrt(Math.Max(0, disc))) / (2 * a));
            }

            if (disc <= 0)
            {
                return double.PositiveInfinity;
            }

            double near = (-b - Math.Sqrt(disc)) / (2 * a);
            return near > 1e-12 ? near : double.PositiveInfinity;
        }
    }

    /// <summary>xoshiro256** (Blackman &amp; Vigna 2018), seeded by splitmix64: fast and reproducible.</summary>
    private sealed class Xoshiro
    {
        private ulong s0, s1, s2, s3;

        public Xoshiro(int seed)
        {
            ulong v = (ulong)seed;
            s0 = SplitMix(ref v);
            s1 = SplitMix(ref v);
            s2 = SplitMix(ref v);
            s3 = SplitMix(ref v);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double Next()
        {
            ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return (result >> 11) * (1.0 / (1UL << 53));
        }

        private static ulong SplitMix(ref ulong v)
        {
            ulong z = v += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
