using SmpShade.Colour;

namespace SmpShade.Api.Photos.Reference;

/// <summary>A linear correction: one 3×3 matrix from linear RGB to XYZ (D65). Used by none, grey card and the 3×3 chart fit.</summary>
public sealed class MatrixCorrection(Matrix3 rgbToXyz) : IColourCorrection
{
    /// <summary>The matrix applied.</summary>
    public Matrix3 Matrix { get; } = rgbToXyz;

    /// <summary>From least-squares coefficients laid out term × output (3×3: rows R, G, B; columns X, Y, Z).</summary>
    public static MatrixCorrection FromCoefficients(double[,] c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new MatrixCorrection(new Matrix3(c[0, 0], c[1, 0], c[2, 0], c[0, 1], c[1, 1], c[2, 1], c[0, 2], c[1, 2], c[2, 2]));
    }

    /// <inheritdoc />
    public Xyz ToXyz(LinearRgb rgb)
    {
        var (x, y, z) = Matrix.Apply(rgb.R, rgb.G, rgb.B);
        return new Xyz(x, y, z);
    }
}

/// <summary>
/// The degree-2 root-polynomial correction of Finlayson, Mackiewicz &amp; Hurlbert (2015, IEEE TIP 24(5) 1460–1470,
/// "Color Correction Using Root-Polynomial Regression"): XYZ = Cᵀ (R, G, B, √RG, √GB, √RB). Every term scales
/// linearly with exposure, so unlike a plain polynomial the fit holds when the photo is brighter or darker.
/// </summary>
public sealed class RootPolynomialCorrection : IColourCorrection
{
    /// <summary>Number of terms (R, G, B, √RG, √GB, √RB).</summary>
    public const int TermCount = 6;

    private readonly double[,] coefficients;

    /// <param name="coefficients">6×3: row per term, column per X, Y, Z.</param>
    public RootPolynomialCorrection(double[,] coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.GetLength(0) != TermCount || coefficients.GetLength(1) != 3)
        {
            throw new ArgumentException("Root-polynomial coefficients are 6×3.", nameof(coefficients));
        }

        this.coefficients = (double[,])coefficients.Clone();
    }

    /// <summary>Writes the 6 terms of <paramref name="rgb"/>. Negative products (noise around black) give 0 under the root.</summary>
    public static void Terms(LinearRgb rgb, Span<double> terms)
    {
        terms[0] = rgb.R;
        terms[1] = rgb.G;
        terms[2] = rgb.B;
        terms[3] = Math.Sqrt(Math.Max(0, rgb.R * rgb.G));
        terms[4] = Math.Sqrt(Math.Max(0, rgb.G * rgb.B));
        terms[5] = Math.Sqrt(Math.Max(0, rgb.R * rgb.B));
    }

    /// <inheritdoc />
    public Xyz ToXyz(LinearRgb rgb)
    {
        Span<double> t = stackalloc double[TermCount];
        Terms(rgb, t);
        double x = 0, y = 0, z = 0;
        for (int i = 0; i < TermCount; i++)
        {
            x += t[i] * coefficients[i, 0];
            y += t[i] * coefficients[i, 1];
            z += t[i] * coefficients[i, 2];
        }

        return new Xyz(x, y, z);
    }
}
