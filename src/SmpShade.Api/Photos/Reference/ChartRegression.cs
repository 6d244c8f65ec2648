using SmpShade.Colour.Numerics;

namespace SmpShade.Api.Photos.Reference;

/// <summary>
/// The least-squares problem behind a chart fit, with two refinements the plain fit lacks:
/// <list type="bullet">
/// <item>White-point preservation (Finlayson &amp; Drew 1996, "Constrained least-squares regression in colour spaces",
/// J. Electronic Imaging 6(4) 484–493): the chart's white is mapped exactly, so the neutral axis and the L* scale
/// (Lab is relative to that white) carry no fitting error and the residual goes to the chromatic patches.</item>
/// <item>Ridge toward a prior: λ·(tr(XᵀX)/k)·‖C − C₀‖² shrinks the fit toward a physically plain correction (the chart's
/// own white balance, a von Kries adaptation); the trace scaling keeps λ independent of exposure because every term is
/// homogeneous of degree 1 (Finlayson, Mackiewicz &amp; Hurlbert 2015).</item>
/// </list>
/// Solved per output channel from the Lagrange (KKT) system [G t; tᵀ 0][c; μ] = [h; s] with G = XᵀX + ρI, h = Xᵀy + ρc₀.
/// </summary>
public static class ChartRegression
{
    /// <summary>
    /// The k×3 coefficients minimising ‖X C − Y‖² + ρ‖C − C₀‖² subject to <paramref name="whiteTerms"/>ᵀ C = <paramref name="whiteTarget"/>
    /// when those are given; null when the system is singular.
    /// </summary>
    /// <param name="design">n×k terms of each patch.</param>
    /// <param name="target">n×3 XYZ of each patch.</param>
    /// <param name="whiteTerms">Terms of the patch to map exactly, or null for no constraint.</param>
    /// <param name="whiteTarget">Its XYZ (3 values), with <paramref name="whiteTerms"/>.</param>
    /// <param name="prior">k×3 prior coefficients C₀, or null (with <paramref name="lambda"/> 0).</param>
    /// <param name="lambda">Ridge strength relative to the mean diagonal of XᵀX; 0 for none.</param>
    public static double[,]? Solve(double[,] design, double[,] target, double[]? whiteTerms, double[]? whiteTarget, double[,]? prior, double lambda)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(target);
        int n = design.GetLength(0), k = design.GetLength(1);
        bool constrained = whiteTerms is not null && whiteTarget is not null;
        int size = constrained ? k + 1 : k;
        var g = new double[size, size];
        var h = new double[size, 3];
        for (int r = 0; r < n; r++)
        {
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    g[i, j] += design[r, i] * design[r, j];
                }

                for (int c = 0; c < 3; c++)
                {
                    h[i, c] += design[r, i] * target[r, c];
                }
            }
        }

        if (prior is not null && lambda > 0)
        {
            double trace = 0;
            for (int i = 0; i < k; i++)
            {
                trace += g[i, i];
            }

            double rho = lambda * trace / k;
            for (int i = 0; i < k; i++)
            {
                g[i, i] += rho;
                for (int c = 0; c < 3; c++)
                {
                    h[i, c] += rho * prior[i, c];
                }
            }
        }

        if (constrained)
        {
            for (int i = 0; i < k; i++)
            {
                g[i, k] = whiteTerms![i];
                g[k, i] = whiteTerms[i];
            }

            for (int c = 0; c < 3; c++)
            {
                h[k, c] = whiteTarget![c];
            }
        }

        var result = new double[k, 3];
        for (int c = 0; c < 3; c++)
        {
            double[] column = new double[size];
            for (int i = 0; i < size; i++)
            {
                column[i] = h[i, c];
            }

            double[]? x = LinearSolver.Solve(g, column);
            if (x is null)
            {
                return null;
            }

            for (int i = 0; i < k; i++)
            {
                result[i, c] = x[i];
            }
        }

        return result;
    }
}
