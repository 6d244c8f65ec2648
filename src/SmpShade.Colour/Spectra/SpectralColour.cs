namespace SmpShade.Colour.Spectra;

/// <summary>
/// Spectrum → tristimulus values: X = k Σ S(λ) R(λ) x̄(λ) Δλ with k chosen so that a perfect white has Y = 1
/// (CIE 015:2018 §7.1). Summation on the reflectance's own grid, with the CMFs and the illuminant interpolated to it.
/// </summary>
public sealed class SpectralColour
{
    private readonly double[] wx;
    private readonly double[] wy;
    private readonly double[] wz;

    /// <summary>Precomputes the weights S(λ)·x̄ȳz̄(λ) for reflectances sampled from <paramref name="startNm"/> every <paramref name="stepNm"/>.</summary>
    public SpectralColour(Spectrum illuminant, double startNm, double stepNm, int count)
    {
        ArgumentNullException.ThrowIfNull(illuminant);
        StartNm = startNm;
        StepNm = stepNm;
        Count = count;
        wx = new double[count];
        wy = new double[count];
        wz = new double[count];
        double norm = 0;
        for (int i = 0; i < count; i++)
        {
            double nm = startNm + i * stepNm;
            double s = illuminant.ValueAt(nm);
            wx[i] = s * Cie.XBar.ValueAt(nm);
            wy[i] = s * Cie.YBar.ValueAt(nm);
            wz[i] = s * Cie.ZBar.ValueAt(nm);
            norm += wy[i];
        }

        for (int i = 0; i < count; i++)
        {
            wx[i] /= norm;
            wy[i] /= norm;
            wz[i] /= norm;
        }

        White = new WhitePoint("spectral", new Xyz(wx.Sum(), 1.0, wz.Sum()));
    }

    /// <summary>D65, 400–700 nm at 10 nm: the grid of the healed-tone skin model.</summary>
    public static SpectralColour D65Visible10 { get; } = new(Cie.D65, 400, 10, 31);

    /// <summary>First wavelength of the grid, nm.</summary>
    public double StartNm { get; }

    /// <summary>Grid step, nm.</summary>
    public double StepNm { get; }

    /// <summary>Number of samples on the grid.</summary>
    public int Count { get; }

    /// <summary>The white of a perfect reflector under this illuminant on this grid (Y = 1).</summary>
    public WhitePoint White { get; }

    /// <summary>The per-sample weights S·x̄, S·ȳ, S·z̄, normalised so Σ S·ȳ = 1.</summary>
    public (IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double> Z) Weights => (wx, wy, wz);

    /// <summary>Tristimulus values of a reflectance sampled on this grid.</summary>
    public Xyz ToXyz(ReadOnlySpan<double> reflectance)
    {
        if (reflectance.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} samples, got {reflectance.Length}.", nameof(reflectance));
        }

        double x = 0, y = 0, z = 0;
        for (int i = 0; i < reflectance.Length; i++)
        {
            x += wx[i] * reflectance[i];
            y += wy[i] * reflectance[i];
            z += wz[i] * reflectance[i];
        }

        return new Xyz(x, y, z);
    }

    /// <summary>Tristimulus values of any reflectance spectrum (interpolated to this grid).</summary>
    public Xyz ToXyz(Spectrum reflectance)
    {
        ArgumentNullException.ThrowIfNull(reflectance);
        var r = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            r[i] = reflectance.ValueAt(StartNm + i * StepNm);
        }

        return ToXyz(r);
    }

    /// <summary>
    /// CIELAB of a reflectance, relative to this illuminant's own spectral white. For D65 that white is
    /// within 1e-3 of <see cref="WhitePoint.D65"/>, so the result is the service's D65 Lab.
    /// </summary>
    public Lab ToLab(ReadOnlySpan<double> reflectance) => ToXyz(reflectance).ToLab(White);
}
