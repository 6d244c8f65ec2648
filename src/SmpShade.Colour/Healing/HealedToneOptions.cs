namespace SmpShade.Colour.Healing;

/// <summary>
/// The assumptions of the healed-tone model (docs/science.md). Each is an assumption, not a measured fact:
/// every answer names them and <see cref="ParametersVersion"/>, and recorded outcomes correct them.
/// </summary>
public sealed class HealedToneOptions
{
    /// <summary>Configuration section the API binds.</summary>
    public const string Section = "HealedTone";

    /// <summary>The model's name in answers.</summary>
    public const string ModelName = "adding-doubling-skin-v2";

    /// <summary>Names this set of values; change it whenever a value changes.</summary>
    public string ParametersVersion { get; set; } = "2026-11-30b";

    /// <summary>Refractive index of skin relative to air (≈ 1.4 for dermis and epidermis; Jacques 2013 §2, Bashkatov et al.).</summary>
    public double TissueRefractiveIndex { get; set; } = 1.4;

    /// <summary>Henyey–Greenstein anisotropy g of every tissue layer (≈ 0.8 for dermis in the visible; Jacques 2013, van Gemert et al. 1989).</summary>
    public double Anisotropy { get; set; } = 0.8;

    /// <summary>
    /// Quadrature nodes per piece of the hemisphere in the adding-doubling solver (2 pieces for skin, so 4 directions by
    /// default): against 8 per piece, skin and healed colours move by at most ≈ 0.35 L* (docs/science.md).
    /// </summary>
    public int QuadraturePoints { get; set; } = 2;

    /// <summary>
    /// Whether the surface's specular (Fresnel) reflection is part of the colour. False by default: skin is measured
    /// from photos with the shine discarded; spectrophotometers with the specular component included (as for the NIST
    /// skin set) need true.
    /// </summary>
    public bool SpecularIncluded { get; set; }

    /// <summary>Epidermis thickness, µm (scalp epidermis is ≈ 50–100 µm; docs/science.md).</summary>
    public double EpidermisMicrometres { get; set; } = 60;

    /// <summary>Papillary dermis between epidermis and ink, µm: anatomical, ≈ 100 µm (docs/science.md).</summary>
    public double PapillaryDermisMicrometres { get; set; } = 100;

    /// <summary>Dermis layer holding the healed ink, µm: with the defaults the ink lies 160–400 µm deep.</summary>
    public double PigmentedDermisMicrometres { get; set; } = 240;

    /// <summary>
    /// Reduced scattering of skin at 500 nm, cm⁻¹, in μs′ = a·(λ/500 nm)^−b: Jacques (2013) Table 2, mean of skin,
    /// a = 46.0 cm⁻¹ (the same law <see cref="Skin.DiffusionSkin"/> uses), times <see cref="ScatteringScale"/>.
    /// </summary>
    public double ScatteringAt500PerCm { get; set; } = 46.0;

    /// <summary>Scattering power b (Jacques 2013 Table 2, skin mean 1.421).</summary>
    public double ScatteringPower { get; set; } = 1.421;

    /// <summary>Global scale on skin scattering, fitted to measured skin (data/derive/fit-skin-constants.cs).</summary>
    public double ScatteringScale { get; set; } = 1;

    /// <summary>Global scale on the bloodless-tissue absorption (Jacques 1998), fitted to measured skin.</summary>
    public double BaselineAbsorptionScale { get; set; } = 1;

    /// <summary>Oxygen saturation of dermal blood, 0–1.</summary>
    public double BloodSaturation { get; set; } = 0.75;

    /// <summary>Haemoglobin in whole blood, g/L.</summary>
    public double HaemoglobinGramsPerLitre { get; set; } = 150;

    /// <summary>Haemoglobin molar mass, g/mol.</summary>
    public double HaemoglobinMolarMass { get; set; } = 64500;

    /// <summary>
    /// φ₀: healed ink volume fraction of neat ink in the ink layer (unitless). Each pigment's own scattering S and
    /// absorption K = (K/S)·S per unit volume fraction come from its chemistry (<see cref="InkChemistry"/>).
    /// </summary>
    public double InkLoad { get; set; } = 0.02;

    /// <summary>τ: time constant of the ink load's exponential fading, years.</summary>
    public double FadingYears { get; set; } = 8;

    /// <summary>
    /// Diameter of one healed SMP dot, mm (SMP practice: 0.3–1 mm; ASSUMPTION 0.5 mm). The dot's own colour
    /// (<see cref="HealedToneModel.HealedDot"/>, lighter than the infinite plane by <see cref="DotSpread"/>) and the treated
    /// area's appearance from a distance (<see cref="DotsPerSquareCentimetre"/>) use it (docs/science.md §7).
    /// </summary>
    public double DotDiameterMillimetres { get; set; } = 0.5;

    /// <summary>
    /// Dots per cm² of treated scalp (ASSUMPTION: 100, about one 0.5 mm dot per millimetre of a square grid, i.e. 20 %
    /// of the skin covered). The look from conversational distance mixes dots and skin by area, in XYZ.
    /// </summary>
    public double DotsPerSquareCentimetre { get; set; } = 100;

    /// <summary>Lower bound of the fitted epidermal melanin volume fraction.</summary>
    public double MelaninMin { get; set; } = 0.005;

    /// <summary>Upper bound of the fitted epidermal melanin volume fraction.</summary>
    public double MelaninMax { get; set; } = 0.45;

    /// <summary>Lower bound of the fitted dermal blood volume fraction.</summary>
    public double BloodMin { get; set; } = 0.001;

    /// <summary>Upper bound of the fitted dermal blood volume fraction.</summary>
    public double BloodMax { get; set; } = 0.05;

    /// <summary>A skin fit worse than this ΔE00 is reported with the warning <c>skin.poor_fit</c>.</summary>
    public double PoorFitDeltaE00 { get; set; } = 3;

    /// <summary>The assumption values by name (for an answer's <c>model</c> block).</summary>
    public IReadOnlyDictionary<string, double> Assumptions() => new Dictionary<string, double>
    {
        ["tissueRefractiveIndex"] = TissueRefractiveIndex,
        ["anisotropy"] = Anisotropy,
        ["quadraturePoints"] = QuadraturePoints,
        ["specularIncluded"] = SpecularIncluded ? 1 : 0,
        ["epidermisMicrometres"] = EpidermisMicrometres,
        ["papillaryDermisMicrometres"] = PapillaryDermisMicrometres,
        ["pigmentedDermisMicrometres"] = PigmentedDermisMicrometres,
        ["scatteringAt500PerCm"] = ScatteringAt500PerCm,
        ["scatteringPower"] = ScatteringPower,
        ["scatteringScale"] = ScatteringScale,
        ["baselineAbsorptionScale"] = BaselineAbsorptionScale,
        ["bloodSaturation"] = BloodSaturation,
        ["haemoglobinGramsPerLitre"] = HaemoglobinGramsPerLitre,
        ["haemoglobinMolarMass"] = HaemoglobinMolarMass,
        ["inkLoad"] = InkLoad,
        ["fadingYears"] = FadingYears,
        ["dotDiameterMillimetres"] = DotDiameterMillimetres,
        ["dotsPerSquareCentimetre"] = DotsPerSquareCentimetre,
        ["melaninMin"] = MelaninMin,
        ["melaninMax"] = MelaninMax,
        ["bloodMin"] = BloodMin,
        ["bloodMax"] = BloodMax,
    };

    /// <summary>What is wrong with these values, if anything (empty when valid).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in Assumptions())
        {
            if (!double.IsFinite(value) || value < 0)
            {
                yield return $"{name} must be a finite non-negative number.";
            }
        }

        if (TissueRefractiveIndex < 1 || TissueRefractiveIndex > 2 || Anisotropy >= 0.99 || QuadraturePoints is < 2 or > 16)
        {
            yield return "tissueRefractiveIndex must be 1–2, anisotropy below 0.99 and quadraturePoints 2–16.";
        }

        if (BloodSaturation > 1 || FadingYears <= 0 || PigmentedDermisMicrometres <= 0 || ScatteringAt500PerCm <= 0 || ScatteringScale <= 0)
        {
            yield return "bloodSaturation must be ≤ 1; fadingYears, pigmentedDermisMicrometres and the scattering must be positive.";
        }

        if (MelaninMin <= 0 || MelaninMin >= MelaninMax || BloodMin <= 0 || BloodMin >= BloodMax || MelaninMax > 1 || BloodMax > 1)
        {
            yield return "The melanin and blood bounds must satisfy 0 < min < max ≤ 1.";
        }

        if (DotDiameterMillimetres is <= 0 or > 3 || DotsPerSquareCentimetre <= 0
            || DotsPerSquareCentimetre * Math.PI * Math.Pow(DotDiameterMillimetres / 20, 2) > 1)
        {
            yield return "dotDiameterMillimetres must be in (0, 3] and dotsPerSquareCentimetre positive, with the dots covering at most the whole area.";
        }

        if (string.IsNullOrWhiteSpace(ParametersVersion))
        {
            yield return "ParametersVersion must name this set of values.";
        }
    }
}
