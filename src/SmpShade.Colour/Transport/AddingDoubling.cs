namespace SmpShade.Colour.Transport;

/// <summary>
/// Light transport through plane-parallel turbid layers by the adding-doubling method of Prahl, van Gemert &amp;
/// Welch (1993, Appl. Opt. 32:559): a thin layer from the diamond-difference initialisation, doubled to the layer's
/// optical thickness, layers and boundaries stacked by the adding equations. Henyey–Greenstein scattering with the
/// δ-M truncation; Fresnel boundaries with optional glass slides. See docs/science.md.
/// </summary>
public static class AddingDoubling
{
    /// <summary>Largest optical thickness of the initial thin layer (diamond initialisation error is O(Δτ³)).</summary>
    public const double ThinLayer = 1.0 / 64;

    // Largest scratch matrix put on the stack (48 directions: three pieces of 16 points), 18 KB.
    private const int StackScratch = 48 * 48;

    /// <summary>A layer of single-scattering albedo a, optical thickness b (∞ allowed) and anisotropy g.</summary>
    public static Slab Layer(Quadrature quadrature, double albedo, double opticalThickness, double anisotropy)
    {
        ArgumentNullException.ThrowIfNull(quadrature);
        int n = quadrature.Count;
        // δ-M (Wiscombe 1977): the part f = g^M of the forward peak that M Legendre terms cannot resolve is treated
        // as unscattered, which scales the albedo and thickness.
        double f = Math.Pow(anisotropy, n);
        double a = albedo * (1 - f) / (1 - (albedo * f));
        double b = opticalThickness * (1 - (albedo * f));
        if (b <= 0)
        {
            return Slab.Symmetric(n, new double[n * n], SquareMatrix.Identity(n));
        }

        var (forward, backward) = Redistributions(quadrature, anisotropy, f);
        bool infinite = double.IsPositiveInfinity(b);
        int doublings = 0;
        double thin = infinite ? ThinLayer : b;
        while (thin > ThinLayer)
        {
            thin /= 2;
            doublings++;
        }

        var (r, t) = Thin(quadrature, a, thin, forward, backward);
        for (int k = 0; infinite ? k < 200 : k < doublings; k++)
        {
            var (r2, t2) = Double(r, t, n);
            if (infinite && Converged(r, r2) && MaxAbs(t2) < 1e-12)
            {
                return Slab.Symmetric(n, r2, new double[n * n]);
            }

            (r, t) = (r2, t2);
        }

        return Slab.Symmetric(n, r, infinite ? new double[n * n] : t);
    }

    /// <summary>A layer from its coefficients: μa, μs (per unit length), g and thickness (same length unit).</summary>
    public static Slab Layer(Quadrature quadrature, double absorption, double scattering, double anisotropy, double thickness)
    {
        double extinction = absorption + scattering;
        return extinction <= 0
            ? Layer(quadrature, 0, 0, anisotropy)
            : Layer(quadrature, scattering / extinction, extinction * thickness, anisotropy);
    }

    /// <summary>
    /// The boundary between a slab of index <paramref name="slabIndex"/> and air (through an optional glass slide):
    /// specular, so diagonal; reflectance ρ(μᵢ) from either side by reciprocity, 1 beyond the critical angle.
    /// </summary>
    public static Slab Boundary(Quadrature quadrature, double slabIndex, double? glass)
    {
        ArgumentNullException.ThrowIfNull(quadrature);
        int n = quadrature.Count;
        var rho = new double[n];
        var tau = new double[n];
        for (int i = 0; i < n; i++)
        {
            rho[i] = Fresnel.Boundary(slabIndex, quadrature.Mu[i], glass);
            tau[i] = 1 - rho[i];
        }

        return Slab.Symmetric(n, SquareMatrix.Diagonal(rho), SquareMatrix.Diagonal(tau));
    }

    /// <summary>
    /// The flux each direction carries inside the slab when air above is lit uniformly (diffusely) with unit
    /// irradiance, before the surface's reflection: 2n²μᵢwᵢ inside the escape cone, 0 beyond it.
    /// </summary>
    public static double[] DiffuseIncidence(Quadrature quadrature, double slabIndex)
    {
        ArgumentNullException.ThrowIfNull(quadrature);
        var flux = new double[quadrature.Count];
        for (int i = 0; i < flux.Length; i++)
        {
            flux[i] = quadrature.Mu[i] > quadrature.CriticalCosine ? 2 * slabIndex * slabIndex * quadrature.Mu[i] * quadrature.Weight[i] : 0;
        }

        return flux;
    }

    /// <summary>
    /// Total reflectance and transmittance of a stack of layers of one refractive index between air (optionally behind
    /// glass slides), for a collimated beam at cosine <paramref name="incidentCosine"/> (UR1, UT1, specular included)
    /// and for diffuse light (URU, UTU). A semi-infinite last layer transmits nothing.
    /// </summary>
    public static TransportResult Solve(IReadOnlyList<TransportLayer> layers, double slabIndex, double? slideTop = null,
        double? slideBottom = null, double incidentCosine = 1, int points = 8)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var q = Quadrature.For(slabIndex, incidentCosine, points);
        var stack = Boundary(q, slabIndex, slideTop);
        foreach (var layer in layers)
        {
            stack = stack.Over(Layer(q, layer.Albedo, layer.OpticalThickness, layer.Anisotropy));
        }

        if (layers.Count == 0 || !double.IsPositiveInfinity(layers[^1].OpticalThickness))
        {
            stack = stack.Over(Boundary(q, slabIndex, slideBottom));
        }

        var diffuse = DiffuseIncidence(q, slabIndex);
        double specular = Fresnel.Boundary(slabIndex, q.Mu[q.IncidentIndex], slideTop);
        return new TransportResult(
            stack.TotalReflection(q.IncidentIndex), stack.TotalTransmission(q.IncidentIndex),
            stack.TotalReflection(diffuse), stack.TotalTransmission(diffuse), specular);
    }

    /// <summary>
    /// <see cref="Redistribution"/> for the quadrature's last anisotropy, kept on the quadrature: it depends only on the
    /// directions and g (f = gⁿ), and a model builds every layer with one g (issue 15: recomputing it was 4 % of a new
    /// skin's CPU). The arrays are shared, never written after they are made.
    /// </summary>
    private static (double[] Forward, double[] Backward) Redistributions(Quadrature q, double g, double f)
    {
        if (q.LastRedistribution is { } kept && kept.Anisotropy.Equals(g))
        {
            return (kept.Forward, kept.Backward);
        }

        var (forward, backward) = Redistribution(q, g, f);
        q.LastRedistribution = new Quadrature.Redistribution(g, forward, backward);
        return (forward, backward);
    }

    /// <summary>
    /// The azimuthally averaged δ-M Henyey–Greenstein phase function between the quadrature directions:
    /// p(μ, μ′) = Σ_{l&lt;M} (2l + 1)·χ_l·P_l(μ)·P_l(μ′), χ_l = (g^l − f)/(1 − f), normalised to ½∫p dμ = 1 (the
    /// forward diagonal absorbs the quadrature's residual, so a non-absorbing layer conserves energy exactly).
    /// </summary>
    private static (double[] Forward, double[] Backward) Redistribution(Quadrature q, double g, double f)
    {
        int n = q.Count;
        int terms = n;
        var legendre = new double[n, terms];
        for (int i = 0; i < n; i++)
        {
            double p0 = 1, p1 = q.Mu[i];
            legendre[i, 0] = 1;
            if (terms > 1)
            {
                legendre[i, 1] = p1;
            }

            for (int l = 2; l < terms; l++)
            {
                (p0, p1) = (p1, ((((2 * l) - 1) * q.Mu[i] * p1) - ((l - 1) * p0)) / l);
                legendre[i, l] = p1;
            }
        }

        var chi = new double[terms];
        for (int l = 0; l < terms; l++)
        {
            chi[l] = f >= 1 ? (l == 0 ? 1 : 0) : (Math.Pow(g, l) - f) / (1 - f);
        }

        var forward = new double[n * n];
        var backward = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double plus = 0, minus = 0;
                for (int l = 0; l < terms; l++)
                {
                    double term = ((2 * l) + 1) * chi[l] * legendre[i, l] * legendre[j, l];
                    plus += term;
                    minus += (l % 2 == 0) ? term : -term; // P_l(−μ) = (−1)^l P_l(μ)
                }

                forward[(i * n) + j] = plus;
                backward[(i * n) + j] = minus;
            }
        }

        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += q.Weight[i] * (forward[(i * n) + j] + backward[(i * n) + j]);
            }

            forward[(j * n) + j] += (2 - sum) / q.Weight[j];
        }

        return (forward, backward);
    }

    /// <summary>
    /// A thin layer by the diamond-difference initialisation: with the flux-form generators
    /// t = Δτ(δᵢⱼ − (a/2)wᵢp⁺ᵢⱼ)/μⱼ and r = Δτ(a/2)wᵢp⁻ᵢⱼ/μⱼ, and A = I + t/2, B = I − t/2, C = r/2:
    /// T = (I − X)⁻¹(A⁻¹B + X) with X = A⁻¹C·A⁻¹C, R = A⁻¹C(I + T).
    /// </summary>
    private static (double[] R, double[] T) Thin(Quadrature q, double albedo, double thickness, double[] forward, double[] backward)
    {
        int n = q.Count;
        var a = new double[n * n];
        var b = new double[n * n];
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double scale = thickness / q.Mu[j];
                double t = scale * (((i == j) ? 1 : 0) - (albedo / 2 * q.Weight[i] * forward[(i * n) + j]));
                double identity = i == j ? 1 : 0;
                a[(i * n) + j] = identity + (t / 2);
                b[(i * n) + j] = identity - (t / 2);
                c[(i * n) + j] = scale * albedo / 2 * q.Weight[i] * backward[(i * n) + j] / 2;
            }
        }

        var aInvC = SquareMatrix.Solve(a, c, n);
        var aInvB = SquareMatrix.Solve(a, b, n);
        var x = SquareMatrix.Multiply(aInvC, aInvC, n);
        var transmission = SquareMatrix.Solve(SquareMatrix.IdentityMinus(x, n), SquareMatrix.Add(aInvB, x), n);
        var reflection = SquareMatrix.Multiply(aInvC, SquareMatrix.Add(SquareMatrix.Identity(n), transmission), n);
        return (reflection, transmission);
    }

    /// <summary>Two identical layers: R₂ = R + T(I − RR)⁻¹RT, T₂ = T(I − RR)⁻¹T.</summary>
    private static (double[] R, double[] T) Double(double[] r, double[] t, int n)
    {
        // Scratch on the stack for the quadratures the model uses (n ≤ 48): a skin's layers double about 1,500 times,
        // and these were most of the megabyte a new skin allocated (issue 15).
        int size = n * n;
        Span<double> m = size <= StackScratch ? stackalloc double[size] : new double[size];
        Span<double> inner = size <= StackScratch ? stackalloc double[size] : new double[size];
        Span<double> y = size <= StackScratch ? stackalloc double[size] : new double[size];
        t.CopyTo(inner);
        var r2 = new double[n * n];
        var t2 = new double[n * n];
        Kernels.Multiply(r, r, m, n);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = -m[i];
        }

        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] += 1;
        }

        Kernels.Solve(m, inner, n, n);
        Kernels.Multiply(r, inner, y, n);
        Kernels.Multiply(t, y, r2, n);
        for (int i = 0; i < r2.Length; i++)
        {
            r2[i] += r[i];
        }

        Kernels.Multiply(t, inner, t2, n);
        return (r2, t2);
    }

    private static bool Converged(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (Math.Abs(a[i] - b[i]) > 1e-12)
            {
                return false;
            }
        }

        return true;
    }

    private static double MaxAbs(double[] m) => m.Max(Math.Abs);
}

/// <summary>One layer for <see cref="AddingDoubling.Solve"/>: albedo a = μs/(μa + μs), optical thickness b = (μa + μs)·d (∞ for semi-infinite), anisotropy g.</summary>
public readonly record struct TransportLayer(double Albedo, double OpticalThickness, double Anisotropy)
{
    /// <summary>From coefficients and thickness in matching units (e.g. cm⁻¹ and cm).</summary>
    public static TransportLayer FromCoefficients(double absorption, double scattering, double anisotropy, double thickness)
    {
        double extinction = absorption + scattering;
        return extinction <= 0
            ? new TransportLayer(0, 0, anisotropy)
            : new TransportLayer(scattering / extinction, extinction * thickness, anisotropy);
    }
}

/// <summary>Totals for a stack (fractions of the incident flux).</summary>
/// <param name="UR1">Reflectance for the collimated beam, the specular reflection included.</param>
/// <param name="UT1">Transmittance for the collimated beam.</param>
/// <param name="URU">Reflectance for diffuse light.</param>
/// <param name="UTU">Transmittance for diffuse light.</param>
/// <param name="Specular">The collimated beam's specular reflection at the top surface (UR1 − Specular = diffuse reflectance Rd).</param>
public readonly record struct TransportResult(double UR1, double UT1, double URU, double UTU, double Specular);
