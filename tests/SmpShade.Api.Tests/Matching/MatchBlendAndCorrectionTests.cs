using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Matching;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Tests.Matching;

[Collection(MatchingApi.Name)]
public sealed class MatchBlendAndCorrectionTests(MatchingFactory factory)
{
    private static readonly Lab SkinLab = new(62, 9, 17);
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_blend_that_heals_exactly_to_the_target_is_offered_when_no_single_pigment_gets_there()
    {
        // Independent target: the model itself, run directly on a 1:1 K/S mix of carbon black and medium brown at
        // 3 parts water in this skin, each ink with its catalogue base's scattering. The ranking has to rediscover that mix.
        var model = new HealedToneModel(new HealedToneOptions());
        var skin = model.FitSkin(SkinLab).Skin;
        var mix = InkOptics.Blend([(InkOptics.For(new Lab(22, 0.3, -0.5), null, "carbon"), 1), (InkOptics.For(new Lab(45, 10, 18), null, "iron-oxide"), 1)]);
        var target = model.Healed(skin, mix, 3);

        using var doc = await MatchAsync(new
        {
            skinLab = Lab(SkinLab), targetLab = Lab(target), mode = "custom", supplier = "acme", blends = true, top = 3,
        });
        var best = doc.RootElement.GetProperty("blends").EnumerateArray().First();
        Assert.True(best.GetProperty("deltaE00").GetDouble() < 0.01, best.GetRawText());
        Assert.Equal(3, best.GetProperty("waterParts").GetDouble());
        var parts = best.GetProperty("pigments").EnumerateArray()
            .Select(p => (p.GetProperty("pigment").GetProperty("sku").GetString(), p.GetProperty("parts").GetDouble())).Order().ToList();
        Assert.Equal([("A-BLK", 1.0), ("A-MBR", 1.0)], parts);
        // Offered only because it beats the best single pigment by more than the perceptibility threshold.
        double single = doc.RootElement.GetProperty("candidates")[0].GetProperty("score").GetDouble();
        double perceptibility = doc.RootElement.GetProperty("thresholds").GetProperty("perceptibility").GetDouble();
        Assert.True(best.GetProperty("score").GetDouble() < single - perceptibility);
    }

    [Fact]
    public async Task No_blend_is_offered_when_a_single_pigment_already_matches()
    {
        var model = new HealedToneModel(new HealedToneOptions());
        var skin = model.FitSkin(SkinLab).Skin;
        var target = model.Healed(skin, InkOptics.For(new Lab(30, 8, 12), null, "iron-oxide"), 6);
        using var doc = await MatchAsync(new { skinLab = Lab(SkinLab), targetLab = Lab(target), mode = "custom", supplier = "acme", blends = true });
        Assert.Equal(0, doc.RootElement.GetProperty("blends").GetArrayLength());
        var first = doc.RootElement.GetProperty("candidates")[0];
        Assert.Equal("A-DBR", first.GetProperty("pigment").GetProperty("sku").GetString());
        Assert.Equal(6, first.GetProperty("waterParts").GetDouble());
        Assert.Equal("imperceptible", first.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task An_active_correction_is_applied_and_named_in_the_answer()
    {
        var request = new { skinLab = Lab(SkinLab), hairLab = new { l = 32.0, a = 3.0, b = 6.0 }, supplier = "bravo", top = 100, startLighter = false };
        using var physics = await MatchAsync(request);
        using var corrected = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IHealedToneCorrectionSource>(new Fixed(new LighterBy(4)))));
        using var correctedAnswer = await MatchAsync(request, corrected.CreateClient());
        Assert.Equal("physics-only", physics.RootElement.GetProperty("model").GetProperty("correction").GetString());
        Assert.Equal("test-lighter-4", correctedAnswer.RootElement.GetProperty("model").GetProperty("correction").GetString());
        // bravo's one pigment × six dilutions: every candidate comes back 4 L* lighter than its physics prediction.
        foreach (double water in new[] { 0.0, 1, 3, 6, 12, 20 })
        {
            Assert.Equal(HealedL(physics, water) + 4, HealedL(correctedAnswer, water), 1e-3);
        }
    }

    private sealed class Fixed(IHealedToneCorrection correction) : IHealedToneCorrectionSource
    {
        public Task<IHealedToneCorrection?> InForceAsync(CancellationToken cancellationToken) => Task.FromResult<IHealedToneCorrection?>(correction);
    }

    private sealed class LighterBy(double dl) : IHealedToneCorrection
    {
        public string Version => $"test-lighter-{dl}";

        public Lab Correct(in HealedToneFeatures features) => features.Physics with { L = features.Physics.L + dl };
    }

    private static double HealedL(JsonDocument doc, double water) => doc.RootElement.GetProperty("candidates").EnumerateArray()
        .Single(c => c.GetProperty("waterParts").GetDouble() == water).GetProperty("healed").GetProperty("lab").GetProperty("l").GetDouble();

    private static object Lab(Lab lab) => new { l = lab.L, a = lab.A, b = lab.B };

    private async Task<JsonDocument> MatchAsync(object body, HttpClient? other = null)
    {
        var response = await (other ?? client).PostAsJsonAsync("/api/v1/matches", body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
