using SmpShade.Colour.Healing;
using SmpShade.Colour.Skin;
using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Tests;

/// <summary>
/// The spectral data and models the photo analysis's skin correction rests on: the embedded ColorChecker and
/// chromophore tables against the project's reference copies, the diffusion skin model's limits and physics, and the
/// skin spectra set.
/// </summary>
public sealed class SkinSpectraTests
{
    [Fact]
    public void The_embedded_ColorChecker_spectra_are_the_BabelColor_table_in_chart_order()
    {
        // Independent copy: the reference folder's file (a row per patch), against the embedded one (a column per patch).
        var rows = CsvData.Read("colorchecker_babelcolor_average_reflectance.csv");
        Assert.Equal(ColorCheckerSpectra.PatchCount, ColorCheckerSpectra.Reflectances.Count);
        for (int p = 0; p < rows.Count; p++)
        {
            for (int i = 0; i < VisibleGrid.Count; i++)
            {
                Assert.Equal(rows[p].D(VisibleGrid.WavelengthAt(i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ColorCheckerSpectra.Reflectances[p][i], 12);
            }
        }

        // Chart order: the rendered light-skin patch is the second and lighter than dark skin.
        Assert.True(VisibleGrid.D65.ToLab(ColorCheckerSpectra.Reflectances[1]).L > VisibleGrid.D65.ToLab(ColorCheckerSpectra.Reflectances[0]).L + 20);
    }

    [Fact]
    public void Melanin_in_the_chromophore_table_follows_Jacques_power_law_within_a_few_percent()
    {
        // The reference file's note: VTS melanin matches Jacques (1998) 6.6e11·λ^−3.33 cm⁻¹ within a few %.
        // An independent published formula, so a column mix-up or unit slip (cm vs mm) in the embedded table fails.
        var rows = CsvData.Read("vts_chromophore_spectra.csv").Where(r => r["chromophore"] == "Melanin").ToList();
        foreach (double nm in new[] { 400.0, 500, 600, 700 })
        {
            double vts = rows.Single(r => r.D("wavelength_nm") == nm).D("value");
            double jacquesPerMm = 6.6e11 * Math.Pow(nm, -3.33) / 10;
            Assert.InRange(vts / jacquesPerMm, 0.9, 1.1);
        }
    }

    [Fact]
    public void Without_absorption_the_diffusion_model_returns_all_the_light()
    {
        // Farrell et al. (1992) at albedo 1: (1/2)(1 + e⁰)e⁰ = 1.
        Assert.Equal(1, DiffusionSkin.SemiInfiniteReflectance(0, 5), 12);
        Assert.True(DiffusionSkin.SemiInfiniteReflectance(1, 5) < DiffusionSkin.SemiInfiniteReflectance(0.1, 5));
        Assert.True(DiffusionSkin.SemiInfiniteReflectance(1000, 5) < 0.01);
    }

    [Fact]
    public void The_boundary_term_for_tissue_is_Groenhuis_polynomial_evaluated_by_hand()
    {
        // n = 1.4: r = −1.440/1.96 + 0.710/1.4 + 0.668 + 0.0636·1.4 = −0.734694 + 0.507143 + 0.668 + 0.089040 = 0.529489;
        // A = 1.529489 / 0.470511 = 3.2507.
        Assert.Equal(3.2507, DiffusionSkin.BoundaryTerm, 3);
    }

    [Fact]
    public void More_melanin_darkens_skin_at_every_wavelength_and_more_blood_deepens_the_haemoglobin_dip()
    {
        double[] light = DiffusionSkin.Reflectance(new DiffusionSkinParameters(0.01, 0.01));
        double[] dark = DiffusionSkin.Reflectance(new DiffusionSkinParameters(0.15, 0.01));
        double[] flushed = DiffusionSkin.Reflectance(new DiffusionSkinParameters(0.01, 0.04));
        Assert.All(Enumerable.Range(0, VisibleGrid.Count), i =>
        {
            Assert.InRange(light[i], 0, 1);
            Assert.True(dark[i] < light[i]);
        });

        // Oxy-haemoglobin absorbs at 540 and 575 nm, far less at 500 and 650 nm.
        static double Dip(double[] r) => r[(int)((560 - VisibleGrid.StartNm) / VisibleGrid.StepNm)] / r[(int)((650 - VisibleGrid.StartNm) / VisibleGrid.StepNm)];
        Assert.True(Dip(flushed) < Dip(light));

        // And the colours are skin's: light skin light, reddish-yellow; melanin lowers ITA°.
        Lab lightLab = VisibleGrid.D65.ToLab(light), darkLab = VisibleGrid.D65.ToLab(dark);
        Assert.True(lightLab.L > 55 && lightLab.A > 0 && lightLab.B > 0, lightLab.ToString());
        Assert.True(SkinScales.Ita(darkLab) < SkinScales.Ita(lightLab));
    }

    [Fact]
    public void The_skin_spectra_set_is_the_healed_tone_models_skin_over_the_range_of_human_skin()
    {
        var set = SkinSpectraSet.Default;
        Assert.All(set.Models, m => Assert.Equal(SkinSpectraSet.AddingDoublingModel, m));
        Assert.True(set.Reflectances.Count > 1000);
        var lightness = set.Reflectances.Select(r => VisibleGrid.D65.ToLab(r).L).ToList();
        Assert.InRange(lightness.Min(), SkinSpectraSet.MinL, 30);
        Assert.InRange(lightness.Max(), 70, SkinSpectraSet.MaxL);
        Assert.All(set.Reflectances, r => Assert.All(r, v => Assert.InRange(v, 0, 1)));
        Assert.Equal(set.Reflectances.Count, set.XyzD65.Count);
        Assert.Contains(SkinSpectraSet.Build(addingDoubling: true, diffusion: true).Models, m => m == SkinSpectraSet.DiffusionModel);
        Assert.Throws<ArgumentException>(() => SkinSpectraSet.Build(addingDoubling: false, diffusion: false));
    }

    [Fact]
    public void The_sets_members_are_the_healed_tone_models_bare_skin()
    {
        // The set must be the model the prediction uses: its member for melanin 0.05, blood 0.01 at epidermis 60 µm,
        // oxygenation 0.6 and Jacques's mean scattering is that model's own bare skin (table lookup) at 400–700 nm.
        var model = new HealedToneModel(new HealedToneOptions { BloodSaturation = 0.6 });
        var expected = new double[Chromophores.Count];
        model.BareReflectance(0.05, 0.01, expected);
        int at400 = (int)((400 - VisibleGrid.StartNm) / VisibleGrid.StepNm);
        Assert.Contains(SkinSpectraSet.Default.Reflectances, r => Enumerable.Range(0, Chromophores.Count).All(i => Math.Abs(r[at400 + i] - expected[i]) < 1e-12));
    }
}
