namespace SmpShade.Colour.Tests;

/// <summary>
/// A small photon Monte Carlo of one turbid slab between index-matched media (the method of MCML: Wang, Jacques &amp;
/// Zheng 1995, Comput. Methods Programs Biomed. 47:131): exponential steps, implicit absorption (the weight falls by
/// the albedo at each interaction), Henyey–Greenstein deflection, Russian roulette below weight 10⁻⁴. Its layered,
/// index-mismatched and laterally resolved extension is <see cref="MonteCarloLayers"/> (docs/science.md §7). A test
/// tool: the service never runs it.
/// </summary>
public static class MonteCarloSlab
{
    /// <summary>Total diffuse reflectance and total transmittance (unscattered included) for a normally incident beam.</summary>
    /// <param name="absorption">μa, per unit length.</param>
    /// <param name="scattering">μs, per unit length.</param>
    /// <param name="g">Henyey–Greenstein anisotropy.</param>
    /// <param name="thickness">Slab thickness, same length unit.</param>
    /// <param name="photons">Photons launched.</param>
    /// <param name="seed">Random seed (runs are reproducible).</param>
    public static (double Reflectance, double Transmittance, double ReflectanceError, double TransmittanceError) Run(
        double absorption, double scattering, double g, double thickness, int photons, int seed)
    {
        var random = new Random(seed);
        double total = absorption + scattering, albedo = scattering / total;
        double r = 0, r2 = 0, t = 0, t2 = 0;
        for (int p = 0; p < photons; p++)
        {
            double z = 0, ux = 0, uy = 0, uz = 1, w = 1;
            while (true)
            {
                double step = -Math.Log(1 - random.NextDouble()) / total;
                z += step * uz;
                if (z < 0)
                {
                    r += w;
                    r2 += w * w;
                    break;
                }

                if (z > thickness)
                {
                    t += w;
                    t2 += w * w;
                    break;
                }

                w *= albedo;
                (ux, uy, uz) = Deflect(ux, uy, uz, g, random.NextDouble(), random.NextDouble());
                if (w < 1e-4)
                {
                    if (random.NextDouble() < 0.1)
                    {
                        w *= 10;
                    }
                    else
                    {
                        break;
                    }
                }
            }
        }

        // Standard errors of the per-photon means (MCML reports the same kind of error).
        double Error(double sum, double squares) => Math.Sqrt(Math.Max(0, (squares / photons) - Math.Pow(sum / photons, 2)) / photons);
        return (r / photons, t / photons, Error(r, r2), Error(t, t2));
    }

    /// <summary>
    /// A Henyey–Greenstein deflection (MCML's Spin): cos θ sampled from the HG distribution with the uniform number
    /// <paramref name="forAngle"/>, φ uniform from <paramref name="forAzimuth"/>.
    /// </summary>
    internal static (double, double, double) Deflect(double ux, double uy, double uz, double g, double forAngle, double forAzimuth)
    {
        double cost = g == 0
            ? (2 * forAngle) - 1
            : (1 + (g * g) - Math.Pow((1 - (g * g)) / (1 - g + (2 * g * forAngle)), 2)) / (2 * g);
        double sint = Math.Sqrt(Math.Max(0, 1 - (cost * cost)));
        double phi = 2 * Math.PI * forAzimuth;
        double cosp = Math.Cos(phi), sinp = Math.Sin(phi);
        if (Math.Abs(uz) > 0.99999)
        {
            return (sint * cosp, sint * sinp, cost * Math.Sign(uz));
        }

        double temp = Math.Sqrt(1 - (uz * uz));
        return (
            (sint * ((ux * uz * cosp) - (uy * sinp)) / temp) + (ux * cost),
            (sint * ((uy * uz * cosp) + (ux * sinp)) / temp) + (uy * cost),
            (-sint * cosp * temp) + (uz * cost));
    }
}
