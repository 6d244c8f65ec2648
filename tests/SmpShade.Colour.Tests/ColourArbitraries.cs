using FsCheck;
using FsCheck.Fluent;

namespace SmpShade.Colour.Tests;

/// <summary>Generators for the property tests: colours spread evenly over their whole ranges.</summary>
public static class ColourArbitraries
{
    private const int Steps = 1_000_000;

    private static Gen<double> Between(double lo, double hi) => Gen.Choose(0, Steps).Select(i => lo + (hi - lo) * i / Steps);

    /// <summary>Encoded RGB anywhere in the unit cube (in gamut for every space).</summary>
    public static Arbitrary<Rgb> Rgb() =>
        Between(0, 1).Three().Select(t => new Rgb(t.Item1, t.Item2, t.Item3)).ToArbitrary();

    /// <summary>Lab over L* 0..100, a*, b* −128..128 (not all real colours, which the formulas must not care about).</summary>
    public static Arbitrary<Lab> Lab() =>
        Gen.Zip(Between(0, 100), Gen.Zip(Between(-128, 128), Between(-128, 128)))
            .Select(t => new Lab(t.Item1, t.Item2.Item1, t.Item2.Item2)).ToArbitrary();

    /// <summary>Positive tristimulus values up to 1.2 (a little past the white).</summary>
    public static Arbitrary<Xyz> Xyz() =>
        Between(0, 1.2).Three().Select(t => new Xyz(t.Item1, t.Item2, t.Item3)).ToArbitrary();
}
