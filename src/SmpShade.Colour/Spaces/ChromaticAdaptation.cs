namespace SmpShade.Colour;

/// <summary>Chromatic adaptation transforms between reference whites.</summary>
/// <remarks>
/// Bradford cone response matrix from Lam (1985), as given in ICC.1:2010 Annex E and
/// Lindbloom's "Chromatic Adaptation"; the transform is von Kries scaling in that cone space.
/// </remarks>
public static class ChromaticAdaptation
{
    /// <summary>The Bradford cone-response matrix M_BFD (Lam 1985).</summary>
    public static readonly Matrix3 BradfordCone = new(
        0.8951, 0.2664, -0.1614,
        -0.7502, 1.7135, 0.0367,
        0.0389, -0.0685, 1.0296);

    private static readonly Matrix3 BradfordConeInverse = BradfordCone.Invert();

    /// <summary>The 3×3 matrix that adapts XYZ seen under <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Matrix3 BradfordMatrix(WhitePoint from, WhitePoint to) => BradfordMatrix(from.Xyz, to.Xyz);

    /// <summary>The Bradford matrix between two whites given as tristimulus values.</summary>
    public static Matrix3 BradfordMatrix(Xyz from, Xyz to)
    {
        Xyz s = BradfordCone.Apply(from);
        Xyz d = BradfordCone.Apply(to);
        return BradfordConeInverse * Matrix3.Diagonal(d.X / s.X, d.Y / s.Y, d.Z / s.Z) * BradfordCone;
    }

    /// <summary>Adapts one colour with the Bradford transform.</summary>
    public static Xyz Bradford(Xyz xyz, WhitePoint from, WhitePoint to) =>
        from == to ? xyz : BradfordMatrix(from, to).Apply(xyz);
}
