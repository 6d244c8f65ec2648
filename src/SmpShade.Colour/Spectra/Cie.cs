using System.Globalization;
using System.Reflection;

namespace SmpShade.Colour.Spectra;

/// <summary>The CIE tables the library is built on, read from the published CSVs compiled into the assembly.</summary>
/// <remarks>
/// CIE 1931 2° colour-matching functions (CIE 018:2019 / CVRL, 1 nm, 360–830 nm) and the relative SPDs of
/// illuminants D65, D50 and A (CIE 015:2018, 5 nm, 300–780 nm), as transcribed by colour-science (each file's
/// first line names its source).
/// </remarks>
public static class Cie
{
    private static readonly Lazy<(Spectrum X, Spectrum Y, Spectrum Z)> Cmf = new(LoadCmfs);
    private static readonly Lazy<Spectrum> D65Lazy = new(() => LoadSpd("cie_illuminant_D65_spd"));
    private static readonly Lazy<Spectrum> D50Lazy = new(() => LoadSpd("cie_illuminant_D50_spd"));
    private static readonly Lazy<Spectrum> ALazy = new(() => LoadSpd("cie_illuminant_A_spd"));

    /// <summary>x̄(λ), 1 nm from 360 nm.</summary>
    public static Spectrum XBar => Cmf.Value.X;

    /// <summary>ȳ(λ), 1 nm from 360 nm.</summary>
    public static Spectrum YBar => Cmf.Value.Y;

    /// <summary>z̄(λ), 1 nm from 360 nm.</summary>
    public static Spectrum ZBar => Cmf.Value.Z;

    /// <summary>CIE standard illuminant D65 relative SPD.</summary>
    public static Spectrum D65 => D65Lazy.Value;

    /// <summary>CIE illuminant D50 relative SPD.</summary>
    public static Spectrum D50 => D50Lazy.Value;

    /// <summary>CIE standard illuminant A relative SPD.</summary>
    public static Spectrum A => ALazy.Value;

    private static (Spectrum, Spectrum, Spectrum) LoadCmfs()
    {
        var rows = ReadRows("cie1931_2deg_cmfs_1nm");
        double start = rows[0][0];
        return (new Spectrum(start, 1, [.. rows.Select(r => r[1])]),
                new Spectrum(start, 1, [.. rows.Select(r => r[2])]),
                new Spectrum(start, 1, [.. rows.Select(r => r[3])]));
    }

    private static Spectrum LoadSpd(string name)
    {
        var rows = ReadRows(name);
        return new Spectrum(rows[0][0], rows[1][0] - rows[0][0], [.. rows.Select(r => r[1])]);
    }

    private static List<double[]> ReadRows(string name) => EmbeddedTable.Rows(name);
}
