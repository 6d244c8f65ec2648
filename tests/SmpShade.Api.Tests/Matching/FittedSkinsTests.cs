using SmpShade.Api.Matching;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Tests.Matching;

/// <summary>
/// Issue 15, item 1 (match latency): a measured skin is fitted, and its prediction table solved, once; matches of the
/// same skin reuse it, and what they reuse predicts exactly what a fresh fit does.
/// </summary>
public sealed class FittedSkinsTests
{
    private static readonly HealedToneModel Model = new(new HealedToneOptions());

    [Fact]
    public async Task Concurrent_matches_of_one_skin_share_one_fit()
    {
        var skins = new FittedSkins(Model);
        var fits = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => skins.FitAsync(new Lab(66, 11, 17), CancellationToken.None)));
        Assert.All(fits, f => Assert.Same(fits[0], f));
        Assert.Equal(1, skins.Computed);
    }

    [Fact]
    public async Task A_cached_fit_predicts_exactly_what_a_fresh_fit_does()
    {
        var skins = new FittedSkins(Model);
        var measured = new Lab(58.4, 12.2, 19.5);
        var cached = await skins.FitAsync(measured, CancellationToken.None);
        var fresh = Model.FitSkin(measured);
        Assert.Equal(fresh.Skin.MelaninFraction, cached.Skin.MelaninFraction);
        Assert.Equal(fresh.Skin.BloodFraction, cached.Skin.BloodFraction);
        Assert.Equal(fresh.DeltaE00, cached.DeltaE00);
        var ink = InkOptics.FromLab(new Lab(30, 2, 4));
        Assert.Equal(fresh.Skin.HealedLab(ink, 0.02), cached.Skin.HealedLab(ink, 0.02));
    }

    [Fact]
    public async Task Distinct_skins_are_fitted_separately_and_the_cache_stays_bounded()
    {
        var skins = new FittedSkins(Model);
        var first = await skins.FitAsync(new Lab(60, 10, 16), CancellationToken.None);
        var other = await skins.FitAsync(new Lab(60, 10, 16.001), CancellationToken.None);
        Assert.NotSame(first, other);
        Assert.Equal(2, skins.Computed);

        // Past the capacity the oldest skins go: the first one is fitted again.
        for (int i = 0; i < FittedSkins.Capacity; i++)
        {
            await skins.FitAsync(new Lab(50 + (i * 0.1), 10, 16), CancellationToken.None);
        }

        Assert.Equal(2 + FittedSkins.Capacity, skins.Computed);
        Assert.NotSame(first, await skins.FitAsync(new Lab(60, 10, 16), CancellationToken.None));
        Assert.Equal(3 + FittedSkins.Capacity, skins.Computed);
    }
}
