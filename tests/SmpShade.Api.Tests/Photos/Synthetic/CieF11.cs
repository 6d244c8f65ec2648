using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Synthetic;

/// <summary>CIE standard illuminant F11 (narrow-band tri-phosphor fluorescent, 4000 K), the room light of the tests.</summary>
public static class CieF11
{
    /// <summary>
    /// Relative spectral power, 380–780 nm in 5 nm steps. Source: CIE 015:2018 Colorimetry, 4th ed., Table 10
    /// (illuminants F1–F12), column F11; typed in, and checked by a test against F11's published chromaticity
    /// x = 0.38052, y = 0.37713 (CIE 015:2018 Table 11).
    /// </summary>
    public static Spectrum Spd { get; } = new(380, 5,
    [
        0.91, 0.63, 0.46, 0.37, 1.29, 12.68, 1.59, 1.79, 2.46, 3.33,           // 380–425
        4.49, 33.94, 12.13, 6.95, 7.19, 7.12, 6.72, 6.13, 5.46, 4.79,          // 430–475
        5.66, 14.29, 14.96, 8.97, 4.72, 2.33, 1.47, 1.10, 0.89, 0.83,          // 480–525
        1.18, 4.90, 39.59, 72.84, 32.61, 7.52, 2.83, 1.96, 1.67, 4.43,         // 530–575
        11.28, 14.76, 12.73, 9.74, 7.33, 9.72, 55.27, 42.58, 13.18, 13.16,     // 580–625
        12.26, 5.11, 2.07, 2.34, 3.58, 3.01, 2.48, 2.14, 1.54, 1.33,           // 630–675
        1.46, 1.94, 2.00, 1.20, 1.35, 4.10, 5.58, 2.51, 0.57, 0.27,            // 680–725
        0.23, 0.21, 0.24, 0.24, 0.20, 0.24, 0.32, 0.26, 0.16, 0.12, 0.09,      // 730–780
    ]);
}
