using SmpShade.Colour;

namespace SmpShade.Api.Photos.Reference;

/// <summary>The published colours of a ColorChecker Classic 24 (charts made after November 2014).</summary>
public static class ColorCheckerReference
{
    /// <summary>
    /// X-Rite (2016) CIELAB of the 24 patches for charts made after November 2014, relative to ICC D50, CIE 1931 2°,
    /// in chart order (dark skin first, row by row). Source: colour-science/colour @9d743142,
    /// colour/characterisation/datasets/colour_checkers/chromaticity_coordinates.py,
    /// DATA_COLORCHECKER24_AFTER_NOV2014_CIE_LAB (copied from the project's reference folder, colorchecker24_reference.csv).
    /// </summary>
    public static IReadOnlyList<(string Name, Lab LabD50)> Patches { get; } =
    [
        ("dark skin", new Lab(37.54, 14.37, 14.92)),
        ("light skin", new Lab(64.66, 19.27, 17.5)),
        ("blue sky", new Lab(49.32, -3.82, -22.54)),
        ("foliage", new Lab(43.46, -12.74, 22.72)),
        ("blue flower", new Lab(54.94, 9.61, -24.79)),
        ("bluish green", new Lab(70.48, -32.26, -0.37)),
        ("orange", new Lab(62.73, 35.83, 56.5)),
        ("purplish blue", new Lab(39.43, 10.75, -45.17)),
        ("moderate red", new Lab(50.57, 48.64, 16.67)),
        ("purple", new Lab(30.1, 22.54, -20.87)),
        ("yellow green", new Lab(71.77, -24.13, 58.19)),
        ("orange yellow", new Lab(71.51, 18.24, 67.37)),
        ("blue", new Lab(28.37, 15.42, -49.8)),
        ("green", new Lab(54.38, -39.72, 32.27)),
        ("red", new Lab(42.43, 51.05, 28.62)),
        ("yellow", new Lab(81.8, 2.67, 80.41)),
        ("magenta", new Lab(50.63, 51.28, -14.12)),
        ("cyan", new Lab(49.57, -29.71, -28.32)),
        ("white 9.5 (.05 D)", new Lab(95.19, -1.03, 2.93)),
        ("neutral 8 (.23 D)", new Lab(81.29, -0.57, 0.44)),
        ("neutral 6.5 (.44 D)", new Lab(66.89, -0.75, -0.06)),
        ("neutral 5 (.70 D)", new Lab(50.76, -0.13, 0.14)),
        ("neutral 3.5 (1.05 D)", new Lab(35.63, -0.46, -0.48)),
        ("black 2 (1.5 D)", new Lab(20.64, 0.07, -0.46)),
    ];

    /// <summary>The patches' XYZ relative to D65 (white Y = 1): Lab D50 → XYZ D50 → Bradford → D65 (docs/api.md, "Conventions").</summary>
    public static IReadOnlyList<Xyz> XyzD65 { get; } =
        [.. Patches.Select(p => ChromaticAdaptation.Bradford(p.LabD50.ToXyz(WhitePoint.D50), WhitePoint.D50, WhitePoint.D65))];

    /// <summary>The patches' Lab relative to D65.</summary>
    public static IReadOnlyList<Lab> LabD65 { get; } = [.. XyzD65.Select(x => x.ToLab(WhitePoint.D65))];
}
