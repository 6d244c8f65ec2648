namespace SmpShade.Colour;

/// <summary>An immutable 3×3 matrix of doubles, row-major, for colour-space transforms.</summary>
public readonly record struct Matrix3(
    double M11, double M12, double M13,
    double M21, double M22, double M23,
    double M31, double M32, double M33)
{
    /// <summary>The identity matrix.</summary>
    public static readonly Matrix3 Identity = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>A diagonal matrix.</summary>
    public static Matrix3 Diagonal(double a, double b, double c) => new(a, 0, 0, 0, b, 0, 0, 0, c);

    /// <summary>A matrix whose columns are the three given vectors.</summary>
    public static Matrix3 FromColumns(Xyz c1, Xyz c2, Xyz c3) =>
        new(c1.X, c2.X, c3.X, c1.Y, c2.Y, c3.Y, c1.Z, c2.Z, c3.Z);

    /// <summary>Matrix product.</summary>
    public static Matrix3 operator *(Matrix3 p, Matrix3 q) => new(
        p.M11 * q.M11 + p.M12 * q.M21 + p.M13 * q.M31,
        p.M11 * q.M12 + p.M12 * q.M22 + p.M13 * q.M32,
        p.M11 * q.M13 + p.M12 * q.M23 + p.M13 * q.M33,
        p.M21 * q.M11 + p.M22 * q.M21 + p.M23 * q.M31,
        p.M21 * q.M12 + p.M22 * q.M22 + p.M23 * q.M32,
        p.M21 * q.M13 + p.M22 * q.M23 + p.M23 * q.M33,
        p.M31 * q.M11 + p.M32 * q.M21 + p.M33 * q.M31,
        p.M31 * q.M12 + p.M32 * q.M22 + p.M33 * q.M32,
        p.M31 * q.M13 + p.M32 * q.M23 + p.M33 * q.M33);

    /// <summary>Matrix times column vector.</summary>
    public Xyz Apply(Xyz v) => new(
        M11 * v.X + M12 * v.Y + M13 * v.Z,
        M21 * v.X + M22 * v.Y + M23 * v.Z,
        M31 * v.X + M32 * v.Y + M33 * v.Z);

    /// <summary>Matrix times column vector (a, b, c).</summary>
    public (double A, double B, double C) Apply(double a, double b, double c) => (
        M11 * a + M12 * b + M13 * c,
        M21 * a + M22 * b + M23 * c,
        M31 * a + M32 * b + M33 * c);

    /// <summary>The determinant.</summary>
    public double Determinant =>
        M11 * (M22 * M33 - M23 * M32) - M12 * (M21 * M33 - M23 * M31) + M13 * (M21 * M32 - M22 * M31);

    /// <summary>The inverse (adjugate over determinant). Throws when the matrix is singular.</summary>
    public Matrix3 Invert()
    {
        double det = Determinant;
        if (Math.Abs(det) < 1e-300)
        {
            throw new InvalidOperationException("The matrix is singular.");
        }

        double k = 1 / det;
        return new Matrix3(
            (M22 * M33 - M23 * M32) * k, (M13 * M32 - M12 * M33) * k, (M12 * M23 - M13 * M22) * k,
            (M23 * M31 - M21 * M33) * k, (M11 * M33 - M13 * M31) * k, (M13 * M21 - M11 * M23) * k,
            (M21 * M32 - M22 * M31) * k, (M12 * M31 - M11 * M32) * k, (M11 * M22 - M12 * M21) * k);
    }
}
