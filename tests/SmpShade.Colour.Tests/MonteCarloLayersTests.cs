using System.Globalization;
using SmpShade.Colour.Healing;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The layered Monte Carlo (MonteCarloLayers) against MCML's published cases, against the exact planar adding-doubling
/// answer for the model's own skin stack, and its dot arrangement against its plane (docs/science.md §7).
/// </summary>
public sealed class MonteCarloLayersTests
{
    private const double Sigmas = 3;
    private const double MaxStandardError = 0.01; // the photon counts used here give a few thousandths at most

    // Adding-doubling with 16 nodes per half-hemisphere piece: converged well inside the Monte Carlo's errors
    // (AddingDoublingTests); the service's 2 nodes are checked against it elsewhere (docs/science.md §2).
    private static readonly HealedToneModel Converged = new(new HealedToneOptions { QuadraturePoints = 16 });

    // A light skin (fixed chromophores: the comparison needs no fit) and neat carbon black at the default load.
    private static readonly SkinLayers LightSkin = Converged.Skin(0.02, 0.01);

    [Fact]
    public void The_three_layer_MCML_case_with_index_mismatch_is_reproduced()
    {
        // Data/layered_transport_three_layer_case.csv: MCML manual tables 6.6/6.7, n = 1.37 between air: Rd 0.2375, Tt 0.0965.
        var layers = CsvData.Read("layered_transport_three_layer_case.csv").Select(r =>
            new McLayer(r.D("mua_per_cm"), r.D("mus_per_cm"), r.D("g"), r.D("thickness_cm"))).ToList();
        var result = MonteCarloLayers.Plane(layers, 1.37, null, photons: 100_000, seed: 12);
        Agrees(result.Reflectance, 0.2375, result.ReflectanceError, $"Rd {result.Reflectance:F5} ± {result.ReflectanceError:F5}");
        Agrees(result.Transmittance, 0.0965, result.TransmittanceError, $"Tt {result.Transmittance:F5} ± {result.TransmittanceError:F5}");
    }

    [Fact]
    public void The_index_matched_MCML_slab_is_reproduced()
    {
        // mc-1: van de Hulst via the MCML manual table 6.1, μa 10/cm, μs 90/cm, g 0.75, 0.02 cm, n 1: Rd 0.09739, Tt 0.66096.
        var result = MonteCarloLayers.Plane([new McLayer(10, 90, 0.75, 0.02)], 1, null, photons: 100_000, seed: 12);
        Agrees(result.Reflectance, 0.09739, result.ReflectanceError, $"Rd {result.Reflectance:F5} ± {result.ReflectanceError:F5}");
        Agrees(result.Transmittance, 0.66096, result.TransmittanceError, $"Tt {result.Transmittance:F5} ± {result.TransmittanceError:F5}");
    }

    [Fact]
    public void The_semi_infinite_mismatched_MCML_case_is_reproduced_both_ways()
    {
        // mc-2: Giovanelli (1955) via the MCML manual table 6.2, μa 10/cm, μs 90/cm, g 0, n 1.5, semi-infinite: UR1 0.2600
        // with the 0.04 specular ((0.5/2.5)²), so Rd 0.2200. The reciprocal (dot) arrangement over a plane must give it too.
        var row = CsvData.Read("layered_transport_reference_cases.csv").Single(r => r["case"] == "mc-2");
        double rd = double.Parse(row["UR1"], CultureInfo.InvariantCulture) - 0.04;
        McLayer[] layers = [new McLayer(10, 90, 0, double.PositiveInfinity)];
        var forward = MonteCarloLayers.Plane(layers, 1.5, null, photons: 50_000, seed: 12);
        var reciprocal = MonteCarloLayers.Dot(layers, 1.5, new McDot(0, double.PositiveInfinity, 10, 90), photons: 50_000, seed: 12);
        Agrees(forward.Reflectance, rd, forward.ReflectanceError, $"forward Rd {forward.Reflectance:F5} ± {forward.ReflectanceError:F5}");
        Agrees(reciprocal.Reflectance, rd, reciprocal.ReflectanceError, $"reciprocal Rd {reciprocal.Reflectance:F5} ± {reciprocal.ReflectanceError:F5}");
    }

    [Theory]
    [InlineData(5, false)]  // 450 nm, bare skin
    [InlineData(5, true)]   // 450 nm, neat carbon black
    [InlineData(15, true)]  // 550 nm
    [InlineData(25, true)]  // 650 nm
    public void The_skin_stack_as_a_plane_agrees_with_adding_doubling(int wavelength, bool inked)
    {
        var (layers, ink, planar) = Case(wavelength, inked);
        var forward = MonteCarloLayers.Plane(layers, Converged.Options.TissueRefractiveIndex, ink with { RadiusCm = double.PositiveInfinity }, photons: 40_000, seed: wavelength);
        var reciprocal = MonteCarloLayers.Dot(layers, Converged.Options.TissueRefractiveIndex, ink with { RadiusCm = double.PositiveInfinity }, photons: 40_000, seed: wavelength);
        Agrees(forward.Reflectance, planar, forward.ReflectanceError, $"forward {forward.Reflectance:F5} ± {forward.ReflectanceError:F5}, adding-doubling {planar:F5}");
        Agrees(reciprocal.Reflectance, planar, reciprocal.ReflectanceError, $"reciprocal {reciprocal.Reflectance:F5} ± {reciprocal.ReflectanceError:F5}, adding-doubling {planar:F5}");
    }

    [Fact]
    public void A_dot_of_bare_dermis_is_the_bare_skin()
    {
        // The dot's launch and scoring over a 0.5 mm disc, with nothing in it: the plane's reflectance (translation invariance).
        var (layers, ink, planar) = Case(15, inked: false);
        var dot = MonteCarloLayers.Dot(layers, Converged.Options.TissueRefractiveIndex, ink with { RadiusCm = 0.025 }, photons: 40_000, seed: 3);
        Agrees(dot.Reflectance, planar, dot.ReflectanceError, $"{dot.Reflectance:F5} ± {dot.ReflectanceError:F5}, bare {planar:F5}");
    }

    [Fact]
    public void A_dot_lies_between_the_plane_of_ink_and_the_skin_and_reaches_the_plane_when_wide()
    {
        var (layers, ink, plane) = Case(15, inked: true);
        double skin = LightSkin.Reflectance[15];
        double n = Converged.Options.TissueRefractiveIndex;
        double R(double diameterMm) => MonteCarloLayers.Dot(layers, n, ink with { RadiusCm = diameterMm / 20 }, photons: 40_000, seed: 4).Reflectance;
        double small = R(0.3), medium = R(1);
        Assert.True(skin > small && small > medium && medium > plane, $"skin {skin:F4} > 0.3 mm {small:F4} > 1 mm {medium:F4} > plane {plane:F4}");
        // 100 mm across: the lit rim is a few 0.1 % of the area; within the run's error of the plane.
        var far = MonteCarloLayers.Dot(layers, n, ink with { RadiusCm = 5 }, photons: 40_000, seed: 5);
        Agrees(far.Reflectance, plane, far.ReflectanceError, $"100 mm {far.Reflectance:F5} ± {far.ReflectanceError:F5}, plane {plane:F5}");
    }

    /// <summary>The stack at wavelength index i, the ink dot (bare dermis when not inked) and the exact planar answer.</summary>
    private static (McLayer[] Layers, McDot Ink, double Planar) Case(int i, bool inked)
    {
        var layers = SkinStackOptics.Layers(Converged, LightSkin, i);
        if (!inked)
        {
            return (layers, new McDot(SkinStackOptics.InkLayer, double.PositiveInfinity, layers[2].Absorption, layers[2].Scattering), LightSkin.Reflectance[i]);
        }

        double load = Converged.Load(0, 0);
        var (a, s) = SkinStackOptics.Ink(LightSkin, HealingFixture.CarbonBlack, load, i);
        return (layers, SkinStackOptics.Dot(Converged, LightSkin, HealingFixture.CarbonBlack, load, i, double.PositiveInfinity),
            SkinStackOptics.Planar(Converged, LightSkin, a, s, i));
    }

    /// <summary>
    /// Within <see cref="Sigmas"/> standard errors, and the run's standard error itself below
    /// <see cref="MaxStandardError"/>: a run that overstated its own error would otherwise pass any comparison.
    /// </summary>
    private static void Agrees(double value, double expected, double standardError, string message)
    {
        Assert.True(standardError < MaxStandardError, $"standard error {standardError:F5} too large to test anything: {message}");
        Assert.True(Math.Abs(value - expected) <= Sigmas * standardError, message);
    }
}
