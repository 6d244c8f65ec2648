namespace SmpShade.Colour.Spectra;

/// <summary>
/// 380–730 nm every 10 nm (36 samples): the grid of the published ColorChecker spectra, and so of everything the photo
/// analysis does with spectra (the camera's estimated responses and the skin spectra set).
/// </summary>
public static class VisibleGrid
{
    /// <summary>First wavelength, nm.</summary>
    public const double StartNm = 380;

    /// <summary>Step, nm.</summary>
    public const double StepNm = 10;

    /// <summary>Number of samples.</summary>
    public const int Count = 36;

    /// <summary>Wavelength of sample <paramref name="index"/>, nm.</summary>
    public static double WavelengthAt(int index) => StartNm + index * StepNm;

    /// <summary>CIE 1931 2° under D65 on this grid (white Y = 1).</summary>
    public static SpectralColour D65 { get; } = new(Cie.D65, StartNm, StepNm, Count);
}
