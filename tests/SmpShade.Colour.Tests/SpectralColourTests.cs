using SmpShade.Colour.Spectra;

namespace SmpShade.Colour.Tests;

public sealed class SpectralColourTests
{
    [Fact]
    public void Integrating_D65_with_the_1931_CMFs_gives_the_published_D65_white()
    {
        // Reference README: integrating D65 with the CMFs gives ≈ (95.047, 100, 108.88); 5 nm 300–780 grid.
        var d65 = new SpectralColour(Cie.D65, 360, 1, 421);
        Assert.Equal(0.95047, d65.White.Xyz.X, 5e-4);
        Assert.Equal(1.08883, d65.White.Xyz.Z, 5e-4);
    }

    [Fact]
    public void A_perfect_white_on_the_10nm_visible_grid_is_L_100_neutral()
    {
        var lab = SpectralColour.D65Visible10.ToLab(Enumerable.Repeat(1.0, 31).ToArray());
        Assert.Equal(100, lab.L, 1e-9);
        Assert.Equal(0, lab.A, 1e-9);
        Assert.Equal(0, lab.B, 1e-9);
    }
}
