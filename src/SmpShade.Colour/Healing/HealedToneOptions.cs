namespace SmpShade.Colour.Healing;

/// <summary>
/// The calibratable constants of the healed-tone model (SCIENCE.md §6). Each is an assumption, not a measured fact:
/// every answer names them and <see cref="ParametersVersion"/>, and recorded outcomes correct them.
/// </summary>
public sealed class HealedToneOptions
{
    /// <summary>Configuration section the API binds.</summary>
    public const string Section = "HealedTone";

    /// <summary>The model's name in answers.</summary>
    public const string ModelName = "kubelka-munk-skin-v1";

    /// <summary>Names this set of values; change it whenever a value changes.</summary>
    public string ParametersVersion { get; set; } = "2026-11-24";

    /// <summary>Saunderson K1: fraction of incident light reflected at the skin surface (unitless; ≈ 0.04 for n ≈ 1.5).</summary>
    public double SaundersonK1 { get; set; } = 0.04;

    /// <summary>Saunderson K2: fraction of internal diffuse light reflected back in at the surface (unitless).</summary>
    public double SaundersonK2 { get; set; } = 0.6;

    /// <summary>
    /// Whether the surface's specular reflection K1 is part of the colour. False by default: skin is measured from
    /// photos with the shine discarded (SCIENCE.md §3), i.e. specular excluded; with it the darkest possible skin would
    /// be L* ≈ 22, lighter than Monk 9 and 10.
    /// </summary>
    public bool SpecularIncluded { get; set; }

    /// <summary>Epidermis thickness, µm (scalp).</summary>
    public double EpidermisMicrometres { get; set; } = 60;

    /// <summary>
    /// Ink-free dermis between epidermis and ink, µm. Calibrated to 10 µm (SCIENCE.md starts from 100 µm): with 100 µm
    /// the tissue above the ink scatters so much back that even an opaque black layer heals at L* ≈ 44–45 on light
    /// skin, and SCIENCE.md's calibration target (neat carbon black near L* 25–35 on light skin) cannot be met by any
    /// ink load. At 10 µm it heals at L* ≈ 34–35 on the model's light skins (≈ 32 at L* 61), with the blue shift.
    /// </summary>
    public double ClearDermisMicrometres { get; set; } = 10;

    /// <summary>Dermis layer holding the healed ink, µm.</summary>
    public double PigmentedDermisMicrometres { get; set; } = 200;

    /// <summary>Oxygen saturation of dermal blood, 0–1.</summary>
    public double BloodSaturation { get; set; } = 0.75;

    /// <summary>Haemoglobin in whole blood, g/L.</summary>
    public double HaemoglobinGramsPerLitre { get; set; } = 150;

    /// <summary>Haemoglobin molar mass, g/mol.</summary>
    public double HaemoglobinMolarMass { get; set; } = 64500;

    /// <summary>
    /// φ₀: healed ink load of neat ink in the pigmented dermis (volume fraction, unitless). With S_ink = 2000 cm⁻¹,
    /// φ₀·S_ink = 40 cm⁻¹ puts neat carbon black within ≈ 1.5 L* of an opaque ink layer on light skin while 20 parts
    /// of water lighten it by ≈ 15–18 L*. Only the product φ·S_ink enters the optics.
    /// </summary>
    public double InkLoad { get; set; } = 0.02;

    /// <summary>S_ink: scattering of pure ink, cm⁻¹ per unit load; its absorption is (K/S)·S_ink. Only φ·S_ink enters the optics.</summary>
    public double InkScatteringPerCm { get; set; } = 2000;

    /// <summary>τ: time constant of the ink load's exponential fading, years.</summary>
    public double FadingYears { get; set; } = 8;

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
        ["saundersonK1"] = SaundersonK1,
        ["saundersonK2"] = SaundersonK2,
        ["specularIncluded"] = SpecularIncluded ? 1 : 0,
        ["epidermisMicrometres"] = EpidermisMicrometres,
        ["clearDermisMicrometres"] = ClearDermisMicrometres,
        ["pigmentedDermisMicrometres"] = PigmentedDermisMicrometres,
        ["bloodSaturation"] = BloodSaturation,
        ["haemoglobinGramsPerLitre"] = HaemoglobinGramsPerLitre,
        ["haemoglobinMolarMass"] = HaemoglobinMolarMass,
        ["inkLoad"] = InkLoad,
        ["inkScatteringPerCm"] = InkScatteringPerCm,
        ["fadingYears"] = FadingYears,
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

        if (SaundersonK1 >= 1 || SaundersonK2 >= 1)
        {
            yield return "Saunderson K1 and K2 must be below 1.";
        }

        if (BloodSaturation > 1 || FadingYears <= 0 || PigmentedDermisMicrometres <= 0)
        {
            yield return "bloodSaturation must be ≤ 1; fadingYears and pigmentedDermisMicrometres must be positive.";
        }

        if (MelaninMin <= 0 || MelaninMin >= MelaninMax || BloodMin <= 0 || BloodMin >= BloodMax || MelaninMax > 1 || BloodMax > 1)
        {
            yield return "The melanin and blood bounds must satisfy 0 < min < max ≤ 1.";
        }

        if (string.IsNullOrWhiteSpace(ParametersVersion))
        {
            yield return "ParametersVersion must name this set of values.";
        }
    }
}
