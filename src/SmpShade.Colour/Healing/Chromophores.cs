namespace SmpShade.Colour.Healing;

/// <summary>
/// Absorption and scattering of skin's components per wavelength (λ in nm, results in cm⁻¹): melanin and bloodless
/// tissue after Jacques (1998), "Skin optics", Oregon Medical Laser Center News; haemoglobin from the table of the
/// Virtual Tissue Simulator; scattering after Jacques (2013). Sources and values: docs/science.md.
/// </summary>
/// <remarks>
/// Haemoglobin: decadic molar extinction ε in 1/(mm·µM) (= ε[cm⁻¹/M]·1e-7) from VirtualPhotonics/VTS @0d75619b,
/// src/Vts/Modeling/Spectroscopy/Resources/SpectralDictionary.txt (MIT licence), taken at 400, 410 … 700 nm (the
/// table is on a 2 nm grid, so these are its own samples, not interpolations). μa = ln10·c·ε, as VTS's
/// ChromophoreAbsorber.GetMua does.
/// </remarks>
public static class Chromophores
{
    /// <summary>First wavelength of the tables, nm.</summary>
    public const double StartNm = 400;

    /// <summary>Table step, nm.</summary>
    public const double StepNm = 10;

    /// <summary>Number of samples, 400–700 nm.</summary>
    public const int Count = 31;

    // Deoxy-haemoglobin, decadic molar extinction, 1/(mm·µM), 400…700 nm every 10 nm (VTS, see remarks).
    private static readonly double[] Hb =
    [
        0.0223296, 0.0303956, 0.040756, 0.05286, 0.041328, 0.0103292, 0.00233888, 0.00161564, 0.001455, 0.0016684,
        0.0020862, 0.00257736, 0.00315896, 0.00390364, 0.0046592, 0.0053412, 0.0053788, 0.0045072, 0.003702, 0.00283244,
        0.00146772, 0.00094436, 0.00065096, 0.00051488, 0.00043452, 0.000375012, 0.000322656, 0.000279512, 0.000240792,
        0.000205196, 0.000179428,
    ];

    // Oxy-haemoglobin, same units and grid.
    private static readonly double[] HbO2 =
    [
        0.0266232, 0.046684, 0.048036, 0.0246072, 0.010258, 0.0062816, 0.004448, 0.00332092, 0.00266292, 0.00236844,
        0.00209328, 0.00200352, 0.00242024, 0.00399568, 0.0053236, 0.0043016, 0.00326132, 0.0044496, 0.0050104, 0.00144008,
        0.00032, 0.0001506, 9.42e-05, 6.1e-05, 4.42e-05, 3.68e-05, 3.196e-05, 2.94e-05, 2.776e-05, 2.76e-05, 2.9e-05,
    ];

    /// <summary>Wavelength of the i-th sample, nm.</summary>
    public static double WavelengthAt(int index) => StartNm + index * StepNm;

    /// <summary>Bloodless tissue background μa = 0.244 + 85.3·exp(−(λ − 154)/66.2) cm⁻¹ (Jacques 1998).</summary>
    public static double BaselineAbsorption(double nm) => 0.244 + 85.3 * Math.Exp(-(nm - 154) / 66.2);

    /// <summary>Eumelanin inside melanosomes, μa = 6.6e11·λ^−3.33 cm⁻¹ (Jacques 1998); ≈ 680 cm⁻¹ at 500 nm.</summary>
    public static double MelaninAbsorption(double nm) => 6.6e11 * Math.Pow(nm, -3.33);

    /// <summary>
    /// Reduced scattering of skin, μs′ = a·(λ/500 nm)^−b cm⁻¹ (Jacques 2013, Phys. Med. Biol. 58 R37, eq. 1; Table 2's
    /// skin mean is a = 46.0 cm⁻¹, b = 1.421). The older Jacques (1998) law, λ⁻⁴-dominated, made skin too blue-grey.
    /// </summary>
    public static double ReducedScattering(double nm, double at500 = 46.0, double power = 1.421) => at500 * Math.Pow(nm / 500, -power);

    /// <summary>
    /// Whole blood μa at the i-th table wavelength, cm⁻¹: c = (g/L ÷ g/mol) mol/L = ·1e6 µM;
    /// μa[mm⁻¹] = ln10·c[µM]·(S·ε_HbO2 + (1 − S)·ε_Hb); ×10 for cm⁻¹. 150 g/L at S = 0.75 gives ≈ 2800 cm⁻¹ at 420 nm.
    /// </summary>
    /// <param name="index">Sample index, 0 = 400 nm.</param>
    /// <param name="saturation">Oxygen saturation S, 0–1.</param>
    /// <param name="haemoglobinGramsPerLitre">Haemoglobin concentration of whole blood, g/L.</param>
    /// <param name="molarMassGramsPerMole">Haemoglobin molar mass (tetramer), g/mol.</param>
    public static double BloodAbsorption(int index, double saturation, double haemoglobinGramsPerLitre, double molarMassGramsPerMole)
    {
        double micromolar = haemoglobinGramsPerLitre / molarMassGramsPerMole * 1e6;
        double epsilon = saturation * HbO2[index] + (1 - saturation) * Hb[index];
        return Math.Log(10) * micromolar * epsilon * 10;
    }
}
