using SmpShade.Colour.Numerics;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Healing;

/// <summary>
/// The smoothest reflectance spectrum with a given colour: minimise Σ(Rᵢ₋₁ − 2Rᵢ + Rᵢ₊₁)² subject to the exact
/// tristimulus match W·R = XYZ (linear in R) and 0.001 ≤ R ≤ 1. An equality-constrained quadratic programme solved
/// through its KKT system, with an active set for the bounds (values that leave the box are pinned to the bound and
/// the rest re-solved). The idea follows Smits (1999) and Burns's least-slope-squared reflectance recovery.
/// </summary>
internal static class SmoothReflectance
{
    public static double[] FromLab(Lab lab, SpectralColour colour)
    {
        int n = colour.Count;
        var target = lab.ToXyz(colour.White);
        double[] t = [target.X, target.Y, target.Z];
        var (wx, wy, wz) = colour.Weights;
        double[][] a = [[.. wx], [.. wy], [.. wz]];
        double lo = InkOptics.MinReflectance;
        var pinned = new double?[n];
        var r = new double[n];
        for (int pass = 0; pass <= n; pass++)
        {
            if (!Solve(a, t, pinned, r))
            {
                break;
            }

            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                if (pinned[i] is null && (r[i] < lo || r[i] > 1))
                {
                    pinned[i] = r[i] < lo ? lo : 1;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        // Whatever could not be met exactly (a colour outside the object-colour solid) is clipped into the box.
        for (int i = 0; i < n; i++)
        {
            r[i] = Math.Clamp(pinned[i] ?? r[i], lo, 1);
        }

        return r;
    }

    // KKT system of min ‖D R‖² s.t. A R = t over the free values, pinned ones fixed:
    // [2DᵤᵀDᵤ  Aᵤᵀ] [Rᵤ]   [−2DᵤᵀD_p R_p]
    // [Aᵤ      0  ] [ν ] = [t − A_p R_p ]
    private static bool Solve(double[][] a, double[] t, double?[] pinned, double[] r)
    {
        int n = pinned.Length;
        int[] free = [.. Enumerable.Range(0, n).Where(i => pinned[i] is null)];
        int m = free.Length;
        if (m < 3)
        {
            return false;
        }

        double[] fixedValues = [.. pinned.Select(p => p ?? 0)];
        int size = m + 3;
        var kkt = new double[size, size];
        var right = new double[size];
        // DᵀD of the second-difference operator: row k of D touches k, k+1, k+2 with 1, −2, 1.
        var q = new double[n, n];
        double[] stencil = [1, -2, 1];
        for (int k = 0; k + 2 < n; k++)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    q[k + i, k + j] += stencil[i] * stencil[j];
                }
            }
        }

        for (int u = 0; u < m; u++)
        {
            for (int v = 0; v < m; v++)
            {
                kkt[u, v] = 2 * q[free[u], free[v]];
            }

            double rhs = 0;
            for (int j = 0; j < n; j++)
            {
                rhs -= 2 * q[free[u], j] * fixedValues[j];
            }

            right[u] = rhs;
            for (int c = 0; c < 3; c++)
            {
                kkt[u, m + c] = a[c][free[u]];
                kkt[m + c, u] = a[c][free[u]];
            }
        }

        for (int c = 0; c < 3; c++)
        {
            right[m + c] = t[c] - Enumerable.Range(0, n).Sum(j => a[c][j] * fixedValues[j]);
        }

        // The absolute 1e-14 this fit was built and tested with: the solver's default (1e-12 of the largest entry) refuses
        // some nearly singular active sets that this one solves, and changed the spectra of very dark and very light inks.
        if (LinearSolver.Solve(kkt, right, pivotTolerance: 1e-14) is not { } solution)
        {
            return false;
        }

        Array.Copy(fixedValues, r, n);
        for (int u = 0; u < m; u++)
        {
            r[free[u]] = solution[u];
        }

        return true;
    }
}
