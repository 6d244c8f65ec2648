using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Matching;

[Collection(MatchingApi.Name)]
public sealed class MatchEndpointTests(MatchingFactory factory)
{
    // A light-medium skin and a dark-brown hair, as a photo analysis would measure them (D65).
    private static readonly object Skin = new { l = 62.0, a = 9.0, b = 17.0 };
    private static readonly object Hair = new { l = 32.0, a = 3.0, b = 6.0 };
    private static readonly string[] Tiers = ["imperceptible", "acceptable", "visible"];
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_hair_match_ranks_every_pigment_and_dilution_by_score()
    {
        using var doc = await MatchAsync(new { skinLab = Skin, hairLab = Hair, supplier = "acme", top = 100 });
        var root = doc.RootElement;
        var candidates = root.GetProperty("candidates").EnumerateArray().ToList();
        // acme's current version is 2: four pigments × the default six-step ladder + one with its own three steps.
        Assert.Equal(4 * 6 + 3, root.GetProperty("candidatesEvaluated").GetInt32());
        Assert.Equal(27, candidates.Count);
        double[] scores = [.. candidates.Select(c => c.GetProperty("score").GetDouble())];
        Assert.Equal(scores.Order(), scores);
        Assert.Equal("hair", root.GetProperty("mode").GetString());
        var catalogue = Assert.Single(root.GetProperty("catalogue").EnumerateArray());
        Assert.Equal("acme", catalogue.GetProperty("supplier").GetString());
        Assert.Equal(2, catalogue.GetProperty("version").GetInt32());
        Assert.Contains(candidates, c => c.GetProperty("pigment").GetProperty("sku").GetString() == "A-ASH" && c.GetProperty("waterParts").GetDouble() == 5);
    }

    [Fact]
    public async Task Each_candidate_reports_deltaE00_its_parts_and_a_score_with_the_start_lighter_penalty()
    {
        using var doc = await MatchAsync(new { skinLab = Skin, hairLab = Hair, top = 20 });
        var target = new Lab(32, 3, 6);
        foreach (var c in doc.RootElement.GetProperty("candidates").EnumerateArray())
        {
            var healed = LabOf(c.GetProperty("healed").GetProperty("lab"));
            // Independent recomputation from the answer's own (3-decimal) Lab: CIEDE2000 and the §8 score.
            var parts = DeltaE.Ciede2000Parts(target, healed);
            Assert.Equal(parts.DeltaE, c.GetProperty("deltaE00").GetDouble(), 0.01);
            Assert.Equal(parts.DeltaL, c.GetProperty("dL").GetDouble(), 0.01);
            Assert.Equal(parts.DeltaC, c.GetProperty("dC").GetDouble(), 0.01);
            Assert.Equal(parts.DeltaH, c.GetProperty("dH").GetDouble(), 0.01);
            double expected = parts.DeltaE + 0.5 * Math.Max(0, target.L - healed.L);
            Assert.Equal(expected, c.GetProperty("score").GetDouble(), 0.01);
            Assert.Matches("^#[0-9a-f]{6}$", c.GetProperty("healed").GetProperty("hex").GetString()!);
            Assert.Contains(c.GetProperty("tier").GetString(), Tiers);
            Assert.StartsWith("Heals ", c.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_candidate_also_says_how_the_treated_area_looks_from_a_distance()
    {
        // From a distance the dots (20 % of the area by default) mix with the measured skin in XYZ: the far colour lies
        // between the dot and the skin, and has the area-weighted luminance (independent recomputation from the answer's Lab).
        using var doc = await MatchAsync(new { skinLab = Skin, hairLab = Hair, top = 10 });
        var skin = new Lab(62, 9, 17);
        double coverage = 100 * Math.PI * 0.025 * 0.025;
        foreach (var c in doc.RootElement.GetProperty("candidates").EnumerateArray())
        {
            var dot = LabOf(c.GetProperty("healedDot").GetProperty("lab"));
            var far = LabOf(c.GetProperty("fromDistance").GetProperty("lab"));
            Assert.InRange(far.L, Math.Min(dot.L, skin.L), Math.Max(dot.L, skin.L));
            double y = (coverage * dot.ToXyz().Y) + ((1 - coverage) * skin.ToXyz().Y);
            Assert.Equal(y, far.ToXyz().Y, 2e-4);
            Assert.Matches("^#[0-9a-f]{6}$", c.GetProperty("fromDistance").GetProperty("hex").GetString()!);
        }

        var assumptions = doc.RootElement.GetProperty("model").GetProperty("assumptions");
        Assert.Equal(0.5, assumptions.GetProperty("dotDiameterMillimetres").GetDouble());
        Assert.Equal(100, assumptions.GetProperty("dotsPerSquareCentimetre").GetDouble());
    }

    [Fact]
    public async Task Each_candidate_and_blend_has_its_dot_sized_colour_closer_to_the_skin_than_the_plane()
    {
        // healedDot: a 0.5 mm dot, lit from the skin around it, lies between the plane of ink and the skin; deltaE00Dot is
        // its ΔE00 to the target (recomputed here from the answer's Lab, to the answer's 3 decimals and rounding).
        using var doc = await MatchAsync(new { skinLab = Skin, hairLab = Hair, top = 10, blends = true });
        var skin = new Lab(62, 9, 17);
        var target = new Lab(32, 3, 6); // Hair
        var items = doc.RootElement.GetProperty("candidates").EnumerateArray().Concat(doc.RootElement.GetProperty("blends").EnumerateArray()).ToList();
        Assert.NotEmpty(items);
        foreach (var c in items)
        {
            var healed = LabOf(c.GetProperty("healed").GetProperty("lab"));
            var dot = LabOf(c.GetProperty("healedDot").GetProperty("lab"));
            Assert.True(DeltaE.Ciede2000(skin, dot) < DeltaE.Ciede2000(skin, healed), $"dot {dot} not closer to the skin than the plane {healed}");
            Assert.Equal(DeltaE.Ciede2000(target, dot), c.GetProperty("deltaE00Dot").GetDouble(), 0.01);
            Assert.Matches("^#[0-9a-f]{6}$", c.GetProperty("healedDot").GetProperty("hex").GetString()!);
        }

        var correction = doc.RootElement.GetProperty("model").GetProperty("dotCorrection");
        Assert.Equal(SmpShade.Colour.Healing.DotSpread.Name, correction.GetProperty("name").GetString());
        Assert.Equal(SmpShade.Colour.Healing.DotSpread.ParametersVersion, correction.GetProperty("parametersVersion").GetString());
        Assert.True(correction.GetProperty("parameters").TryGetProperty("c", out _));
    }

    [Fact]
    public async Task Without_start_lighter_the_score_is_the_deltaE00()
    {
        using var doc = await MatchAsync(new { skinLab = Skin, hairLab = Hair, startLighter = false, top = 30 });
        foreach (var c in doc.RootElement.GetProperty("candidates").EnumerateArray())
        {
            Assert.Equal(c.GetProperty("deltaE00").GetDouble(), c.GetProperty("score").GetDouble(), 1e-9);
        }
    }

    [Fact]
    public async Task The_answer_names_the_model_its_assumptions_the_correction_and_the_skin_fit()
    {
        using var doc = await MatchAsync(new { skinLab = Skin, hairLab = Hair });
        var model = doc.RootElement.GetProperty("model");
        Assert.Equal("adding-doubling-skin-v2", model.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(model.GetProperty("parametersVersion").GetString()));
        Assert.Equal("physics-only", model.GetProperty("correction").GetString());
        Assert.Equal("D65", model.GetProperty("illuminant").GetString());
        var assumptions = model.GetProperty("assumptions");
        Assert.Equal(100, assumptions.GetProperty("papillaryDermisMicrometres").GetDouble());
        Assert.Equal(8, assumptions.GetProperty("fadingYears").GetDouble());
        var fit = doc.RootElement.GetProperty("skinFit");
        Assert.InRange(fit.GetProperty("melanin").GetDouble(), 0.005, 0.45);
        Assert.InRange(fit.GetProperty("blood").GetDouble(), 0.001, 0.05);
        Assert.True(fit.GetProperty("deltaE00").GetDouble() >= 0);
        // Every supplier's current version when none is named.
        var versions = doc.RootElement.GetProperty("catalogue").EnumerateArray()
            .Select(v => $"{v.GetProperty("supplier").GetString()}@{v.GetProperty("version").GetInt32()}").Order().ToList();
        Assert.Equal(["acme@2", "bravo@1"], versions);
    }

    [Fact]
    public async Task A_given_catalogue_version_is_used()
    {
        using var doc = await MatchAsync(new { skinLab = Skin, hairLab = Hair, supplier = "acme", catalogueVersion = 1, top = 100 });
        Assert.Equal(24, doc.RootElement.GetProperty("candidatesEvaluated").GetInt32());
        Assert.All(doc.RootElement.GetProperty("candidates").EnumerateArray(),
            c => Assert.Equal(1, c.GetProperty("pigment").GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Custom_mode_matches_the_given_target_and_scar_mode_matches_hair_on_scar_tissue()
    {
        using var custom = await MatchAsync(new { skinLab = Skin, targetLab = new { l = 50.0, a = 5.0, b = 10.0 }, mode = "custom", top = 1 });
        Assert.Equal(50, custom.RootElement.GetProperty("target").GetProperty("l").GetDouble());
        // A scar (lighter, pinker tissue) as the skin: same computation as hair mode on that tissue, labelled scar.
        var scar = new { l = 70.0, a = 12.0, b = 12.0 };
        using var asScar = await MatchAsync(new { skinLab = scar, hairLab = Hair, mode = "scar", top = 5 });
        using var asHair = await MatchAsync(new { skinLab = scar, hairLab = Hair, mode = "hair", top = 5 });
        Assert.Equal("scar", asScar.RootElement.GetProperty("mode").GetString());
        Assert.Equal(asHair.RootElement.GetProperty("candidates").GetRawText(), asScar.RootElement.GetProperty("candidates").GetRawText());
        using var onSkin = await MatchAsync(new { skinLab = Skin, hairLab = Hair, mode = "scar", top = 5 });
        Assert.NotEqual(onSkin.RootElement.GetProperty("candidates").GetRawText(), asScar.RootElement.GetProperty("candidates").GetRawText());
    }

    [Fact]
    public async Task Fading_years_lighten_the_predicted_healed_colour()
    {
        using var now = await MatchAsync(new { skinLab = Skin, hairLab = Hair, supplier = "acme", top = 100, startLighter = false });
        using var later = await MatchAsync(new { skinLab = Skin, hairLab = Hair, supplier = "acme", top = 100, startLighter = false, years = 10 });
        double L(JsonDocument d) => d.RootElement.GetProperty("candidates").EnumerateArray()
            .First(c => c.GetProperty("pigment").GetProperty("sku").GetString() == "A-BLK" && c.GetProperty("waterParts").GetDouble() == 0)
            .GetProperty("healed").GetProperty("lab").GetProperty("l").GetDouble();
        Assert.True(L(later) > L(now));
    }

    [Fact]
    public async Task A_skin_the_model_cannot_reproduce_is_matched_with_a_poor_fit_warning()
    {
        // Monk tone 1 swatch (L* ≈ 94) is lighter than any skin the layered model makes.
        using var doc = await MatchAsync(new { skinLab = new { l = 94.2, a = 1.5, b = 5.4 }, hairLab = Hair });
        var warnings = doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
        Assert.Contains("skin.poor_fit", warnings);
        Assert.True(doc.RootElement.GetProperty("skinFit").GetProperty("deltaE00").GetDouble() > 3);
    }

    internal async Task<JsonDocument> MatchAsync(object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/matches", body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }

    internal static Lab LabOf(JsonElement e) => new(e.GetProperty("l").GetDouble(), e.GetProperty("a").GetDouble(), e.GetProperty("b").GetDouble());
}
