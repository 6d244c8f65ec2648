using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Numerics;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>
/// A phone-like camera whose sensitivities are NOT the CIE observer: Gaussian R, G, B curves peaking at 600, 540 and
/// 460 nm (σ 40, 40 and 30 nm; shapes of that kind are typical of CMOS sensors behind an IR-cut filter, but these are
/// made up, not a real sensor's). Like a phone it white-balances (gray-world over the frame), applies a colour matrix
/// tuned for daylight, and encodes sRGB. Because no 3×3 matrix turns these curves into x̄ȳz̄, colours that match for the
/// eye can differ for the camera (and the reverse): the error the reference corrections have to live with.
/// </summary>
public sealed class SyntheticCamera
{
    /// <summary>Electrons at full well and read noise (electrons, rms): the order of a small phone pixel.</summary>
    public const double FullWellElectrons = 5000, ReadNoiseElectrons = 4;

    /// <summary>The phone-like sensitivities (R, G, B) on the grid.</summary>
    public static IReadOnlyList<double[]> PhoneSensitivities { get; } = [Gaussian(600, 40), Gaussian(540, 40), Gaussian(460, 30)];

    /// <summary>
    /// A colorimetric camera for comparison: its sensitivities ARE x̄, ȳ, z̄ (the Luther condition), so whatever error it
    /// shows comes from the pipeline (noise, 8 bits, JPEG, reference data), not from the camera's spectral mismatch.
    /// </summary>
    public static IReadOnlyList<double[]> ColorimetricSensitivities { get; } =
    [
        Cmf(nm => Cie.XBar.ValueAt(nm)), Cmf(nm => Cie.YBar.ValueAt(nm)), Cmf(nm => Cie.ZBar.ValueAt(nm)),
    ];

    private readonly IReadOnlyList<double[]> sensitivities;
    private readonly double[] illuminant;
    private readonly double norm;

    public SyntheticCamera(Spectrum illuminantSpd, IReadOnlyList<double[]>? sensitivities = null)
    {
        ArgumentNullException.ThrowIfNull(illuminantSpd);
        this.sensitivities = sensitivities ?? PhoneSensitivities;
        illuminant = SyntheticSpectra.Sample(illuminantSpd);
        norm = Enumerable.Range(0, SyntheticSpectra.Count).Sum(i => illuminant[i] * this.sensitivities[1][i]);
        ColourMatrix = FitColourMatrix(this.sensitivities);
    }

    /// <summary>
    /// The camera's colour matrix, from white-balanced camera RGB to linear sRGB, fitted the way a maker would without a
    /// chart: least squares of the sensitivities onto the CIE colour-matching functions weighted by D65 (a Luther fit),
    /// then XYZ → sRGB, with rows scaled so that a neutral stays neutral.
    /// </summary>
    public Matrix3 ColourMatrix { get; }

    /// <summary>Noise-free raw response to a reflectance (a perfect white gives G = 1).</summary>
    public LinearRgb Raw(double[] reflectance)
    {
        ArgumentNullException.ThrowIfNull(reflectance);
        double r = 0, g = 0, b = 0;
        for (int i = 0; i < SyntheticSpectra.Count; i++)
        {
            double e = illuminant[i] * reflectance[i];
            r += e * sensitivities[0][i];
            g += e * sensitivities[1][i];
            b += e * sensitivities[2][i];
        }

        return new LinearRgb(r / norm, g / norm, b / norm);
    }

    /// <summary>Poisson shot noise (normal approximation above 30 electrons) plus Gaussian read noise on a raw value in full-well units.</summary>
    public static double AddNoise(double fullWellFraction, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double mean = Math.Clamp(fullWellFraction, 0, 1) * FullWellElectrons;
        double electrons = mean > 30 ? mean + Math.Sqrt(mean) * Normal(random) : Poisson(mean, random);
        electrons += ReadNoiseElectrons * Normal(random);
        return electrons / FullWellElectrons;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(double mean, Random random)
    {
        // Knuth's multiplication method; fine for small means.
        double limit = Math.Exp(-mean), p = 1;
        int k = -1;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k;
    }

    private static double[] Gaussian(double peakNm, double sigmaNm) =>
        [.. Enumerable.Range(0, SyntheticSpectra.Count).Select(i =>
            Math.Exp(-0.5 * Math.Pow((SyntheticSpectra.StartNm + i * SyntheticSpectra.StepNm - peakNm) / sigmaNm, 2)))];

    private static double[] Cmf(Func<double, double> f) =>
        [.. Enumerable.Range(0, SyntheticSpectra.Count).Select(i => f(SyntheticSpectra.StartNm + i * SyntheticSpectra.StepNm))];

    private static Matrix3 FitColourMatrix(IReadOnlyList<double[]> sensitivities)
    {
        double[] d65 = SyntheticSpectra.Sample(Cie.D65);
        var design = new double[SyntheticSpectra.Count, 3];
        var target = new double[SyntheticSpectra.Count, 3];
        for (int i = 0; i < SyntheticSpectra.Count; i++)
        {
            double nm = SyntheticSpectra.StartNm + i * SyntheticSpectra.StepNm, w = Math.Sqrt(d65[i]);
            for (int c = 0; c < 3; c++)
            {
                design[i, c] = w * sensitivities[c][i];
            }

            target[i, 0] = w * Cie.XBar.ValueAt(nm);
            target[i, 1] = w * Cie.YBar.ValueAt(nm);
            target[i, 2] = w * Cie.ZBar.ValueAt(nm);
        }

        double[,] k = LinearSolver.LeastSquares(design, target) ?? throw new InvalidOperationException("Luther fit failed.");
        var cameraToXyz = new Matrix3(k[0, 0], k[1, 0], k[2, 0], k[0, 1], k[1, 1], k[2, 1], k[0, 2], k[1, 2], k[2, 2]);

        // White balance for D65 first (so that equal camera values mean neutral), then to sRGB, rows summing to 1.
        double[] d65Grid = SyntheticSpectra.Sample(Cie.D65);
        double[] white3 = [.. Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, SyntheticSpectra.Count).Sum(i => d65Grid[i] * sensitivities[c][i]))];
        var white = new LinearRgb(white3[0], white3[1], white3[2]);
        Matrix3 m = RgbColourSpace.Srgb.RgbToXyzD65.Invert() * cameraToXyz * Matrix3.Diagonal(white.R, white.G, white.B);
        double r1 = m.M11 + m.M12 + m.M13, r2 = m.M21 + m.M22 + m.M23, r3 = m.M31 + m.M32 + m.M33;
        return Matrix3.Diagonal(1 / r1, 1 / r2, 1 / r3) * m;
    }
}
