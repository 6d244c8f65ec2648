namespace SmpShade.Colour.Differences;

/// <summary>The CIEDE2000 colour difference.</summary>
/// <remarks>
/// G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula: implementation notes,
/// supplementary test data, and mathematical observations", Color Res. Appl. 30(1):21–30, 2005.
/// Equation numbers below are that paper's.
/// </remarks>
internal static class Ciede2000
{
    private const double Pow25To7 = 6103515625.0; // 25^7
    private const double DegToRad = Math.PI / 180;

    public static Ciede2000Result Compute(Lab lab1, Lab lab2, double kL = 1, double kC = 1, double kH = 1)
    {
        // (2)–(6): a′ from the mean chroma.
        double c1 = Math.Sqrt(lab1.A * lab1.A + lab1.B * lab1.B);
        double c2 = Math.Sqrt(lab2.A * lab2.A + lab2.B * lab2.B);
        double cMean = (c1 + c2) / 2;
        double cMean7 = Pow7(cMean);
        double g = 0.5 * (1 - Math.Sqrt(cMean7 / (cMean7 + Pow25To7)));
        double a1p = (1 + g) * lab1.A;
        double a2p = (1 + g) * lab2.A;
        double c1p = Math.Sqrt(a1p * a1p + lab1.B * lab1.B);
        double c2p = Math.Sqrt(a2p * a2p + lab2.B * lab2.B);
        double h1p = Hue(a1p, lab1.B);
        double h2p = Hue(a2p, lab2.B);

        // (8)–(10): differences.
        double dLp = lab2.L - lab1.L;
        double dCp = c2p - c1p;
        double dhp;
        if (c1p * c2p == 0)
        {
            dhp = 0;
        }
        else
        {
            dhp = h2p - h1p;
            if (dhp > 180)
            {
                dhp -= 360;
            }
            else if (dhp < -180)
            {
                dhp += 360;
            }
        }

        double dHp = 2 * Math.Sqrt(c1p * c2p) * Math.Sin(dhp / 2 * DegToRad);

        // (12)–(14): means.
        double lMean = (lab1.L + lab2.L) / 2;
        double cpMean = (c1p + c2p) / 2;
        double hpMean;
        if (c1p * c2p == 0)
        {
            hpMean = h1p + h2p;
        }
        else if (Math.Abs(h1p - h2p) <= 180)
        {
            hpMean = (h1p + h2p) / 2;
        }
        else if (h1p + h2p < 360)
        {
            hpMean = (h1p + h2p + 360) / 2;
        }
        else
        {
            hpMean = (h1p + h2p - 360) / 2;
        }

        // (15)–(21): weights and rotation.
        double t = 1 - 0.17 * Math.Cos((hpMean - 30) * DegToRad) + 0.24 * Math.Cos(2 * hpMean * DegToRad)
            + 0.32 * Math.Cos((3 * hpMean + 6) * DegToRad) - 0.20 * Math.Cos((4 * hpMean - 63) * DegToRad);
        double hr = (hpMean - 275) / 25;
        double dTheta = 30 * Math.Exp(-hr * hr);
        double cpMean7 = Pow7(cpMean);
        double rc = 2 * Math.Sqrt(cpMean7 / (cpMean7 + Pow25To7));
        double l50 = (lMean - 50) * (lMean - 50);
        double sl = 1 + 0.015 * l50 / Math.Sqrt(20 + l50);
        double sc = 1 + 0.045 * cpMean;
        double sh = 1 + 0.015 * cpMean * t;
        double rt = -Math.Sin(2 * dTheta * DegToRad) * rc;

        // (22).
        double fl = dLp / (kL * sl);
        double fc = dCp / (kC * sc);
        double fh = dHp / (kH * sh);
        double de = Math.Sqrt(fl * fl + fc * fc + fh * fh + rt * fc * fh);
        return new Ciede2000Result(de, fl, fc, fh);
    }

    // x^7 by multiplication: Math.Pow is several times slower and ΔE00 runs once per candidate per request.
    private static double Pow7(double x)
    {
        double x2 = x * x;
        return x2 * x2 * x2 * x;
    }

    // (7): h′ = atan2(b, a′) in degrees, 0..360; 0 when a′ = b = 0.
    private static double Hue(double ap, double b)
    {
        if (ap == 0 && b == 0)
        {
            return 0;
        }

        double h = Math.Atan2(b, ap) / DegToRad;
        return h < 0 ? h + 360 : h;
    }
}
