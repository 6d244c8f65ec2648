using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// The analysis samples the grey card and the chart where the options say and applies the fitted correction to hair and
/// skin (the correction maths itself is tested in Photos/Reference). A warm cast (linear R × 1, G × 0.8, B × 0.5, roughly
/// tungsten) is put on a scene of known colours; the reference must undo most of it.
/// </summary>
public sealed class ReferenceWiringTests
{
    private const string Regions = """
        "regions": {"hair": {"rect": [0.53, 0.04, 0.44, 0.42]}, "skin": {"rect": [0.05, 0.5, 0.4, 0.4]},
                    "reference": {"rect": [0.54, 0.64, 0.17, 0.22]}}
        """;

    /// <summary>Truth: the scene's skin, sRGB (226, 182, 154), IEC 61966-2-1.</summary>
    private static readonly Lab TrueSkin = RgbColourSpace.Srgb.ToLab(226 / 255.0, 182 / 255.0, 154 / 255.0);

    private static byte[] CastScene()
    {
        using var image = SceneImages.ReferenceScene();
        SceneImages.Cast(image, 1.0, 0.8, 0.5);
        return SceneImages.Png(image);
    }

    private static double SkinError(string reference) =>
        DeltaE.Ciede2000(PhotoFiles.Analyse(CastScene(), "{" + Regions + "," + reference + "}").Skin.Lab.ToLab(), TrueSkin);

    [Fact]
    public void Without_a_reference_the_cast_stays_and_the_answer_warns()
    {
        var result = PhotoFiles.Analyse(CastScene(), "{" + Regions + "}");
        Assert.Equal("none", result.Reference.Type);
        Assert.Contains(result.Warnings, w => w.Code == "reference.none");
        Assert.True(SkinError("\"reference\": {\"type\": \"none\"}") > 5, "the cast is large enough to matter");
    }

    [Fact]
    public void A_grey_card_region_removes_most_of_a_colour_cast()
    {
        var result = PhotoFiles.Analyse(CastScene(), "{" + Regions + ", \"reference\": {\"type\": \"greyCard\"}}");
        Assert.Equal("greyCard", result.Reference.Type);
        Assert.Null(result.Reference.SkinModel); // a card reveals no spectra: skin goes through the card's correction
        Assert.DoesNotContain(result.Warnings, w => w.Code == "reference.none");
        double none = SkinError("\"reference\": {\"type\": \"none\"}");
        double card = SkinError("\"reference\": {\"type\": \"greyCard\"}");
        Assert.True(card < none / 3, $"grey card ΔE00 {card:F2} vs none {none:F2}");
    }

    [Fact]
    public void A_chart_located_by_its_corners_corrects_the_skin_and_reports_its_fit()
    {
        // The chart's patch area is x 10–130, y 10–90 of 320×240: corners dark-skin first, clockwise.
        const string chart = """
            "reference": {"type": "colorChecker24", "corners": [[0.03125, 0.041667], [0.40625, 0.041667], [0.40625, 0.375], [0.03125, 0.375]]}
            """;
        var result = PhotoFiles.Analyse(CastScene(), "{" + Regions + "," + chart + "}");
        Assert.Equal("colorChecker24", result.Reference.Type);
        Assert.NotNull(result.Reference.Model);
        Assert.NotNull(result.Reference.LooMeanDeltaE00);
        Assert.True(result.Reference.LooMaxDeltaE00 >= result.Reference.LooMeanDeltaE00);
        Assert.Equal("skinSpectra", result.Reference.SkinModel);
        double none = SkinError("\"reference\": {\"type\": \"none\"}");
        double fitted = SkinError(chart);
        Assert.True(fitted < none / 3, $"chart ΔE00 {fitted:F2} vs none {none:F2}");
    }

    [Fact]
    public void A_grey_card_marked_on_a_black_patch_is_refused_rather_than_answering_an_impossible_colour()
    {
        // The "card" is the chart's black patch (x 110–130, y 70–90 of 320×240): scaling it up to an 18 % grey pushes the
        // skin far past white (L* > 100), which no surface can be. Found through the page: corners marked where there is
        // no chart gave skin L* 410.
        const string hairAsCard = """
            "regions": {"hair": {"rect": [0.53, 0.04, 0.44, 0.42]}, "skin": {"rect": [0.05, 0.5, 0.4, 0.4]},
                        "reference": {"rect": [0.35, 0.30, 0.05, 0.06]}},
            "reference": {"type": "greyCard"}
            """;
        var error = Assert.Throws<ProblemException>(() => PhotoFiles.Analyse(CastScene(), "{" + hairAsCard + "}"));
        Assert.Equal("reference.implausible", error.Code);
        Assert.Equal(422, error.Status);
        Assert.Contains("which no surface can have", error.Message + " " + error.Detail, StringComparison.Ordinal);
    }
}
