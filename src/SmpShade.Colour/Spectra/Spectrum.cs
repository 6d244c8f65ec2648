namespace SmpShade.Colour.Spectra;

/// <summary>
/// A sampled spectrum (reflectance, transmittance, power or absorption) on an even wavelength grid.
/// Values between samples are interpolated linearly; outside the range the end values are held.
/// </summary>
public sealed class Spectrum
{
    private readonly double[] values;

    /// <summary>Creates a spectrum whose first sample is at <paramref name="startNm"/>, then every <paramref name="stepNm"/>.</summary>
    public Spectrum(double startNm, double stepNm, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || stepNm <= 0)
        {
            throw new ArgumentException("A spectrum needs at least one sample and a positive step.");
        }

        StartNm = startNm;
        StepNm = stepNm;
        this.values = [.. values];
    }

    /// <summary>Wavelength of the first sample, nm.</summary>
    public double StartNm { get; }

    /// <summary>Spacing of the samples, nm.</summary>
    public double StepNm { get; }

    /// <summary>Number of samples.</summary>
    public int Count => values.Length;

    /// <summary>Wavelength of the last sample, nm.</summary>
    public double EndNm => StartNm + (values.Length - 1) * StepNm;

    /// <summary>The samples.</summary>
    public IReadOnlyList<double> Values => values;

    /// <summary>The i-th sample.</summary>
    public double this[int index] => values[index];

    /// <summary>Wavelength of the i-th sample, nm.</summary>
    public double WavelengthAt(int index) => StartNm + index * StepNm;

    /// <summary>The value at any wavelength (linear interpolation, ends held).</summary>
    public double ValueAt(double nm)
    {
        double x = (nm - StartNm) / StepNm;
        if (x <= 0)
        {
            return values[0];
        }

        if (x >= values.Length - 1)
        {
            return values[^1];
        }

        int i = (int)x;
        double t = x - i;
        return values[i] + t * (values[i + 1] - values[i]);
    }

    /// <summary>This spectrum sampled on another grid.</summary>
    public Spectrum Resample(double startNm, double stepNm, int count)
    {
        var resampled = new double[count];
        for (int i = 0; i < count; i++)
        {
            resampled[i] = ValueAt(startNm + i * stepNm);
        }

        return new Spectrum(startNm, stepNm, resampled);
    }

    /// <summary>A spectrum from a function of wavelength.</summary>
    public static Spectrum FromFunction(double startNm, double stepNm, int count, Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var v = new double[count];
        for (int i = 0; i < count; i++)
        {
            v[i] = f(startNm + i * stepNm);
        }

        return new Spectrum(startNm, stepNm, v);
    }

    /// <summary>A flat spectrum (e.g. a perfect reflecting diffuser at 1).</summary>
    public static Spectrum Constant(double value, double startNm = 380, double stepNm = 10, int count = 36) =>
        FromFunction(startNm, stepNm, count, _ => value);

    /// <summary>Sample-by-sample product with another spectrum on the same grid.</summary>
    public Spectrum Multiply(Spectrum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return FromFunction(StartNm, StepNm, Count, nm => ValueAt(nm) * other.ValueAt(nm));
    }
}
