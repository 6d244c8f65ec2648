using SmpShade.Api.Matching;
using SmpShade.Colour;
using SmpShade.Colour.Skin;

namespace SmpShade.Api.Tests.Matching;

public sealed class MatchExplanationTests
{
    private static readonly MatchThresholds Light = new(new SkinThresholds(0.8, 1.8));

    [Fact]
    public void The_explanation_reads_like_the_design_example()
    {
        // docs/science.md §7: the explanation names what differs most, here lightness (14 L* lighter, Δb* −3, acceptable).
        var neat = new Lab(22, 0, 1);
        var healed = new Lab(36, -1, -2);
        string text = MatchExplanation.For(neat, healed, new Ciede2000Result(1.5, 0.5, 0.2, 0.1), Light, blend: false);
        Assert.Equal("Heals 14 L* lighter and cooler (Δb* −3) than in the bottle on this skin; within acceptability.", text);
    }

    [Fact]
    public void A_visible_miss_says_which_way_it_misses()
    {
        string text = MatchExplanation.For(new Lab(30, 8, 12), new Lab(40, 9, 15), new Ciede2000Result(4.24, -3.1, 1, 0.5), Light, blend: true);
        Assert.Equal("Heals 10 L* lighter and warmer (Δb* +3) than the neat mix on this skin; visibly darker than the target (ΔE00 4.2).", text);
    }

    [Fact]
    public void Only_the_shifts_that_happened_are_named()
    {
        var result = new Ciede2000Result(0.5, 0.1, 0.1, 0.1);
        Assert.Equal("Heals about as light as in the bottle but cooler (Δb* −21) on this skin; indistinguishable from the target.",
            MatchExplanation.For(new Lab(37, 19, 19), new Lab(37.2, 4, -2), result, Light, blend: false));
        Assert.Equal("Heals 6 L* darker than in the bottle on this skin; indistinguishable from the target.",
            MatchExplanation.For(new Lab(50, 2, 3), new Lab(44, 2, 3.5), result, Light, blend: false));
        Assert.Equal("Heals close to its colour in the bottle on this skin; indistinguishable from the target.",
            MatchExplanation.For(new Lab(50, 2, 3), new Lab(50.2, 2, 3.5), result, Light, blend: false));
    }

    [Theory]
    [InlineData(0.5, "imperceptible")]
    [InlineData(0.8, "imperceptible")]
    [InlineData(1.2, "acceptable")]
    [InlineData(1.8, "acceptable")]
    [InlineData(1.81, "visible")]
    public void Tiers_follow_the_thresholds(double deltaE, string tier) => Assert.Equal(tier, Light.Tier(deltaE));
}
