namespace SmpShade.Colour.Healing;

/// <summary>The client's skin fitted to a measured colour: the layers, the fractions found and how well they match.</summary>
/// <param name="Skin">The fitted skin, ready to take ink.</param>
/// <param name="Measured">The measured skin Lab (D65).</param>
/// <param name="DeltaE00">ΔE00 between the model's bare skin and <paramref name="Measured"/>.</param>
/// <param name="IsPoor">True when <paramref name="DeltaE00"/> exceeds <see cref="HealedToneOptions.PoorFitDeltaE00"/>.</param>
public sealed record SkinFit(SkinLayers Skin, Lab Measured, double DeltaE00, bool IsPoor)
{
    private const int MelaninSteps = 12;
    private const int BloodSteps = 7;

    internal static SkinFit Fit(HealedToneModel model, Lab measured)
    {
        var o = model.Options;
        // Search in log fractions: both span two orders of magnitude and colour changes roughly with their logarithm.
        double[] lo = [Math.Log(o.MelaninMin), Math.Log(o.BloodMin)];
        double[] hi = [Math.Log(o.MelaninMax), Math.Log(o.BloodMax)];
        // The search runs on the tabulated layers (fast); the answer is then solved exactly.
        var r = new double[Chromophores.Count];
        double Cost(double[] p)
        {
            model.BareReflectance(Math.Exp(Math.Clamp(p[0], lo[0], hi[0])), Math.Exp(Math.Clamp(p[1], lo[1], hi[1])), r);
            return DeltaE.Ciede2000(measured, HealedToneModel.Colour.ToLab(r));
        }

        // Coarse grid first: ΔE00 over (melanin, blood) can have shallow side valleys.
        double[] best = [lo[0], lo[1]];
        double bestCost = double.MaxValue;
        for (int i = 0; i < MelaninSteps; i++)
        {
            for (int j = 0; j < BloodSteps; j++)
            {
                double[] p = [lo[0] + (hi[0] - lo[0]) * i / (MelaninSteps - 1), lo[1] + (hi[1] - lo[1]) * j / (BloodSteps - 1)];
                double c = Cost(p);
                if (c < bestCost)
                {
                    (best, bestCost) = (p, c);
                }
            }
        }

        // Then Nelder–Mead from the best grid node, with a simplex the size of one grid cell.
        double[] step = [(hi[0] - lo[0]) / (MelaninSteps - 1), (hi[1] - lo[1]) / (BloodSteps - 1)];
        var refined = NelderMead.Minimise(Cost, best, step, iterations: 120, tolerance: 1e-5);
        double melanin = Math.Clamp(Math.Exp(refined[0]), o.MelaninMin, o.MelaninMax);
        double blood = Math.Clamp(Math.Exp(refined[1]), o.BloodMin, o.BloodMax);
        var skin = model.Skin(melanin, blood);
        double error = DeltaE.Ciede2000(measured, skin.Lab);
        return new SkinFit(skin, measured, error, error > o.PoorFitDeltaE00);
    }
}
