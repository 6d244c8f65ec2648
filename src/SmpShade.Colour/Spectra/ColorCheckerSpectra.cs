namespace SmpShade.Colour.Spectra;

/// <summary>
/// The spectral reflectance of the ColorChecker Classic 24's patches: BabelColor's average of 30 charts (Danny Pascale,
/// as published by colour-science/colour @9d743142, DATA_BABELCOLOR_AVERAGE; Spectra/Data/colorchecker24_babelcolor_reflectance.csv
/// names the source), on <see cref="VisibleGrid"/>, in chart order (dark skin first, row by row).
/// </summary>
public static class ColorCheckerSpectra
{
    private static readonly Lazy<double[][]> Table = new(() =>
    {
        var rows = EmbeddedTable.Rows("colorchecker24_babelcolor_reflectance");
        if (rows.Count != VisibleGrid.Count || rows[0][0] != VisibleGrid.StartNm || rows.Any(r => r.Length != PatchCount + 1))
        {
            throw new InvalidOperationException("The ColorChecker spectra table does not match the visible grid.");
        }

        return [.. Enumerable.Range(1, PatchCount).Select(c => EmbeddedTable.Column(rows, c))];
    });

    /// <summary>Number of patches.</summary>
    public const int PatchCount = 24;

    /// <summary>Reflectance (0–1) of each patch on <see cref="VisibleGrid"/>.</summary>
    public static IReadOnlyList<double[]> Reflectances => Table.Value;
}
