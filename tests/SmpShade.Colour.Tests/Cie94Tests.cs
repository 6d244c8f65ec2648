namespace SmpShade.Colour.Tests;

public sealed class Cie94Tests
{
    // colour-science documentation (colour.difference.delta_E_CIE1994, v0.3.11–0.4.4 examples), an independent
    // implementation, prints these to 7 decimals: 1e-6 covers that rounding.
    private static readonly Lab Reference = new(100.00000000, 21.57210357, 272.22819350);
    private static readonly Lab Sample = new(100.00000000, 426.67945353, 72.39590835);
    private const double SevenDecimals = 1e-6;

    [Fact]
    public void Graphic_arts_weights_give_the_published_value()
    {
        Assert.Equal(83.7792255, DeltaE.Cie94(Reference, Sample), SevenDecimals);
        Assert.Equal(83.7792255, DeltaE.Cie94(Reference, Sample, Cie94Weights.GraphicArts), SevenDecimals);
    }

    [Fact]
    public void Textile_weights_give_the_published_value()
    {
        Assert.Equal(88.3355530, DeltaE.Cie94(Reference, Sample, Cie94Weights.Textiles), SevenDecimals);
    }

    [Fact]
    public void CIE76_and_CIEDE2000_give_the_published_values_for_the_same_pair()
    {
        // Same documentation (colour.delta_E examples): CIE 1976 451.7133019, CIE 2000 94.0356490.
        Assert.Equal(451.7133019, DeltaE.Cie76(Reference, Sample), SevenDecimals);
        Assert.Equal(94.0356490, DeltaE.Ciede2000(Reference, Sample), SevenDecimals);
    }

    [Fact]
    public void CIE94_weights_chroma_by_the_reference_so_it_is_not_symmetric()
    {
        Assert.NotEqual(DeltaE.Cie94(Reference, Sample), DeltaE.Cie94(Sample, Reference), 1e-3);
        Assert.Equal(0, DeltaE.Cie94(Reference, Reference));
    }

    [Fact]
    public void For_neutral_colours_CIE94_reduces_to_the_lightness_difference_over_kL()
    {
        // C* = 0 makes S_C = S_H = 1: ΔE94 = √((ΔL/k_L)² + ΔC² + ΔH²).
        var grey = new Lab(50, 0, 0);
        var lighter = new Lab(54, 0, 0);
        Assert.Equal(4, DeltaE.Cie94(grey, lighter), 1e-12);
        Assert.Equal(2, DeltaE.Cie94(grey, lighter, Cie94Weights.Textiles), 1e-12);
    }
}
