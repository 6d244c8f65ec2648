using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;
using SmpShade.Api.Tests.Photos.Synthetic;
using SmpShade.Colour;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Tests.Photos.Reference;

public sealed class GreyCardAndNoneTests
{
    [Fact]
    public void None_measures_with_the_profile_matrix_and_warns_in_plain_words()
    {
        ReferenceResult result = ReferenceCorrector.None(RgbColourSpace.Srgb);

        // sRGB's linear white (1, 1, 1) is D65 (IEC 61966-2-1).
        Xyz white = result.Correction.ToXyz(new LinearRgb(1, 1, 1));
        Assert.Equal(WhitePoint.D65.Xyz.X, white.X, 1e-9);
        Assert.Equal(WhitePoint.D65.Xyz.Z, white.Z, 1e-9);
        Assert.Equal("none", result.Type);
        Assert.Null(result.LooMeanDeltaE00);
        PhotoWarningAssert.Has(result.Warnings, ReferenceCorrector.NoneCode, "grey card or ColorChecker");
    }

    [Fact]
    public void An_18_percent_card_is_neutral_at_L_49_5()
    {
        // L* = 116 · 0.18^(1/3) − 16 = 49.496 (CIE 015:2018 eq. 8.1), a* = b* = 0.
        Lab card = ReferenceCorrector.NeutralCardLab();
        Assert.Equal(116 * Math.Cbrt(0.18) - 16, card.L, 1e-9);
        Assert.Equal(49.496, card.L, 1e-3);
        Assert.Equal(0, card.A, 1e-9);
        Assert.Equal(0, card.B, 1e-9);
    }

    [Fact]
    public void The_grey_card_becomes_exactly_the_stated_colour()
    {
        var cardLab = new Lab(52, 1.5, -2);
        var seen = new LinearRgb(0.31, 0.19, 0.08); // a strong warm cast
        ReferenceResult result = ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, seen, cardLab);

        Lab corrected = result.Correction.ToXyz(seen).ToLab(WhitePoint.D65);
        Assert.Equal(cardLab.L, corrected.L, 1e-9);
        Assert.Equal(cardLab.A, corrected.A, 1e-9);
        Assert.Equal(cardLab.B, corrected.B, 1e-9);
        Assert.Equal("greyCard", result.Type);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_grey_card_removes_a_tungsten_cast_from_the_chart_neutrals()
    {
        // A colorimetric camera with no white balance: XYZ under illuminant A (CIE 1931 2°), stored as linear sRGB at
        // 80 % exposure. The flat 18 % card sits in the same light. Truth: the patches' Lab under D65.
        var underA = new SpectralColour(Cie.A, SyntheticSpectra.StartNm, SyntheticSpectra.StepNm, SyntheticSpectra.Count);
        LinearRgb Shoot(double[] reflectance) => RgbColourSpace.Srgb.XyzToLinear(underA.ToXyz(reflectance) * 0.8);

        ReferenceResult card = ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, Shoot(SyntheticSpectra.GreyCard),
            ReferenceCorrector.NeutralCardLab());
        ReferenceResult none = ReferenceCorrector.None(RgbColourSpace.Srgb);

        foreach (var (name, reflectance) in SyntheticSpectra.ColorChecker.Skip(18))
        {
            Lab truth = SyntheticSpectra.TruthLab(reflectance);
            double before = DeltaE.Ciede2000(truth, none.Correction.ToXyz(Shoot(reflectance)).ToLab(WhitePoint.D65));
            double after = DeltaE.Ciede2000(truth, card.Correction.ToXyz(Shoot(reflectance)).ToLab(WhitePoint.D65));

            // Von Kries is exact for a spectrally flat grey, and the chart's neutrals are nearly flat: what is left must be
            // below the 0.8 perceptibility threshold for light skin (Leow 2006, docs/colour-library.md).
            Assert.True(before > 10, $"{name}: the cast was only {before:0.00}");
            Assert.True(after < 0.8, $"{name}: {after:0.00} left after the card");
        }
    }

    [Fact]
    public void The_grey_card_correction_does_not_depend_on_exposure()
    {
        var card = new LinearRgb(0.25, 0.18, 0.09);
        var skin = new LinearRgb(0.40, 0.22, 0.10);
        Xyz normal = ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, card, ReferenceCorrector.NeutralCardLab()).Correction.ToXyz(skin);
        Xyz dark = ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, new LinearRgb(0.125, 0.09, 0.045), ReferenceCorrector.NeutralCardLab())
            .Correction.ToXyz(new LinearRgb(0.20, 0.11, 0.05));
        Assert.Equal(normal.X, dark.X, 1e-12);
        Assert.Equal(normal.Y, dark.Y, 1e-12);
        Assert.Equal(normal.Z, dark.Z, 1e-12);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(double.NaN, 0.2, 0.2)]
    [InlineData(-0.1, -0.1, -0.1)]
    public void A_black_or_broken_card_is_refused_with_a_code(double r, double g, double b)
    {
        var error = Assert.Throws<ProblemException>(() =>
            ReferenceCorrector.GreyCard(RgbColourSpace.Srgb, new LinearRgb(r, g, b), ReferenceCorrector.NeutralCardLab()));
        Assert.Equal("reference.card_unusable", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.2)]
    [InlineData(double.NaN)]
    public void A_card_reflectance_outside_0_to_1_is_refused(double reflectance)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceCorrector.NeutralCardLab(reflectance));
    }
}
