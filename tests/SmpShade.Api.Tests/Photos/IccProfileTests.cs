using System.Buffers.Binary;
using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Profiles the service cannot use give a warning and sRGB, never an error (issue 3).</summary>
public sealed class IccProfileTests
{
    /// <summary>A minimal ICC v2 header (ICC.1:2010 §7.2) with the given tags (signature, type, body after the 8-byte type header).</summary>
    private static byte[] Profile(string dataSpace, params (string Sig, string Type, byte[] Body)[] tags)
    {
        int tableEnd = 132 + (12 * tags.Length);
        int size = tableEnd + tags.Sum(t => 8 + t.Body.Length);
        var p = new byte[size];
        BinaryPrimitives.WriteInt32BigEndian(p, size);
        "mntr"u8.CopyTo(p.AsSpan(12));
        System.Text.Encoding.ASCII.GetBytes(dataSpace).CopyTo(p, 16);
        "XYZ "u8.CopyTo(p.AsSpan(20));
        "acsp"u8.CopyTo(p.AsSpan(36));
        BinaryPrimitives.WriteInt32BigEndian(p.AsSpan(128), tags.Length);
        int offset = tableEnd;
        for (int i = 0; i < tags.Length; i++)
        {
            var (sig, type, body) = tags[i];
            System.Text.Encoding.ASCII.GetBytes(sig).CopyTo(p, 132 + (12 * i));
            BinaryPrimitives.WriteInt32BigEndian(p.AsSpan(136 + (12 * i)), offset);
            BinaryPrimitives.WriteInt32BigEndian(p.AsSpan(140 + (12 * i)), 8 + body.Length);
            System.Text.Encoding.ASCII.GetBytes(type).CopyTo(p, offset);
            body.CopyTo(p, offset + 8);
            offset += 8 + body.Length;
        }

        return p;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var b = new byte[12];
        BinaryPrimitives.WriteInt32BigEndian(b, (int)Math.Round(x * 65536));
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4), (int)Math.Round(y * 65536));
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(8), (int)Math.Round(z * 65536));
        return b;
    }

    /// <summary>sRGB's colorants adapted to D50 (Bradford), as in every sRGB ICC profile (ICC sRGB v2 profile values).</summary>
    private static (string, string, byte[])[] SrgbColorants() =>
    [
        ("rXYZ", "XYZ ", Xyz(0.4360, 0.2225, 0.0139)),
        ("gXYZ", "XYZ ", Xyz(0.3851, 0.7169, 0.0971)),
        ("bXYZ", "XYZ ", Xyz(0.1431, 0.0606, 0.7141)),
    ];

    [Fact]
    public void A_LUT_based_profile_falls_back_to_sRGB_with_profile_unsupported()
    {
        var space = IccColourSpace.FromProfile(Profile("RGB ", ("A2B0", "mft2", new byte[64])));
        Assert.True(space.Assumed);
        Assert.Same(RgbColourSpace.Srgb, space.Space);
        Assert.Equal("profile.unsupported", space.Warning?.Code);
        Assert.Contains("LUT-based", space.Warning?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { })]
    public void Garbage_or_empty_profile_bytes_never_throw(byte[] bytes)
    {
        var space = IccColourSpace.FromProfile(bytes);
        Assert.True(space.Assumed);
        Assert.NotNull(space.Warning);
    }

    [Fact]
    public void A_CMYK_profile_is_unsupported()
    {
        var space = IccColourSpace.FromProfile(Profile("CMYK", SrgbColorants()));
        Assert.Equal("profile.unsupported", space.Warning?.Code);
    }

    [Fact]
    public void Parametric_and_gamma_curves_are_read_per_channel()
    {
        // para type 3 with the sRGB parameters (IEC 61966-2-1: g 2.4, a 1/1.055, b 0.055/1.055, c 1/12.92, d 0.04045),
        // a curv gamma 2.2 (u8Fixed8 0x0233) and an identity curv, on three channels.
        var para = new byte[4 + 20];
        BinaryPrimitives.WriteUInt16BigEndian(para, 3);
        double[] p = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045];
        for (int i = 0; i < p.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(para.AsSpan(4 + (4 * i)), (int)Math.Round(p[i] * 65536));
        }

        var gamma = new byte[6];
        BinaryPrimitives.WriteUInt32BigEndian(gamma, 1);
        BinaryPrimitives.WriteUInt16BigEndian(gamma.AsSpan(4), 0x0233);
        var identity = new byte[4];
        var profile = Profile("RGB ", [.. SrgbColorants(), ("rTRC", "para", para), ("gTRC", "curv", gamma), ("bTRC", "curv", identity)]);

        var space = IccColourSpace.FromProfile(profile);
        Assert.False(space.Assumed);
        Assert.Equal(TransferFunction.Srgb.ToLinear(0.5), space.Space.Red.ToLinear(0.5), 4); // s15Fixed16 rounding
        Assert.Equal(Math.Pow(0.5, 563.0 / 256), space.Space.Green.ToLinear(0.5), 12);
        Assert.Equal(0.5, space.Space.Blue.ToLinear(0.5), 12);
    }

    [Fact]
    public void A_png_with_an_unusable_profile_is_still_measured_with_a_warning()
    {
        using var image = new Image<Rgb24>(64, 64, SceneImages.Skin);
        SceneImages.Fill(image, 0, 0, 64, 20, SceneImages.Hair);
        byte[] png = WithIccp(SceneImages.Png(image), Profile("RGB ", ("A2B0", "mft2", new byte[64])));
        var result = PhotoFiles.Analyse(png, """{"regions":{"hair":{"rect":[0,0,1,0.3]},"skin":{"rect":[0,0.5,1,0.5]}}}""");
        Assert.True(result.Profile.Assumed);
        Assert.Contains(result.Warnings, w => w.Code == "profile.unsupported");
        Assert.True(result.Hair.Lab.L < result.Skin.Lab.L);
    }

    /// <summary>A para tag body (ICC.1:2010 §10.15): function type, 2 reserved bytes, s15Fixed16 parameters.</summary>
    private static byte[] Para(int type, params double[] parameters)
    {
        var body = new byte[4 + (4 * parameters.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)type);
        for (int i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(4 + (4 * i)), (int)Math.Round(parameters[i] * 65536));
        }

        return body;
    }

    [Fact]
    public void A_png_profile_that_inflates_past_the_limit_is_reported_as_unusable_not_as_missing()
    {
        // A zip bomb in iCCP: 8 MB of zeros compress to a few kB; inflation stops at the 4 MB limit.
        using var image = new Image<Rgb24>(64, 64, SceneImages.Skin);
        SceneImages.Fill(image, 0, 0, 64, 20, SceneImages.Hair);
        byte[] png = WithIccp(SceneImages.Png(image), new byte[8 * 1024 * 1024]);

        var result = PhotoFiles.Analyse(png, """{"regions":{"hair":{"rect":[0,0,1,0.3]},"skin":{"rect":[0,0.5,1,0.5]}}}""");

        Assert.True(result.Profile.Assumed);
        Assert.Contains(result.Warnings, w => w.Code == "profile.unsupported");
        Assert.DoesNotContain(result.Warnings, w => w.Code == "profile.assumed_srgb");
    }

    [Fact]
    public void A_profile_description_is_answered_short_and_without_control_characters()
    {
        // The name goes into every answer: a hostile desc tag (here 100 000 characters with line breaks) must not.
        string text = string.Concat(Enumerable.Repeat("Display P3\r\n", 10_000));
        var desc = new byte[4 + text.Length + 1];
        BinaryPrimitives.WriteInt32BigEndian(desc, text.Length + 1); // v2 textDescriptionType: ASCII count incl. NUL
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(desc, 4);
        var gamma = new byte[6];
        BinaryPrimitives.WriteUInt32BigEndian(gamma, 1);
        BinaryPrimitives.WriteUInt16BigEndian(gamma.AsSpan(4), 0x0233);
        var profile = Profile("RGB ", [.. SrgbColorants(), ("rTRC", "curv", gamma), ("gTRC", "curv", gamma), ("bTRC", "curv", gamma), ("desc", "desc", desc)]);

        var space = IccColourSpace.FromProfile(profile);

        Assert.False(space.Assumed);
        Assert.StartsWith("Display P3 Display P3", space.Name, StringComparison.Ordinal);
        Assert.True(space.Name.Length <= 100, $"{space.Name.Length} characters");
        Assert.DoesNotContain(space.Name, char.IsControl);
    }

    [Theory]
    [InlineData(3, new[] { 2.4, -1.0, 0, 1 / 12.92, 0 })] // (−X)^2.4: not a number for every X > 0
    [InlineData(3, new[] { 1.0, -1.0, 1.0, 0, 0 })]       // 1 − X: white becomes black
    [InlineData(0, new[] { 0.0 })]                         // no exponent at all
    public void A_tone_curve_that_is_not_finite_and_rising_from_0_to_1_is_unsupported(int type, double[] parameters)
    {
        byte[] curve = Para(type, parameters);
        var profile = Profile("RGB ", [.. SrgbColorants(), ("rTRC", "para", curve), ("gTRC", "para", curve), ("bTRC", "para", curve)]);

        var space = IccColourSpace.FromProfile(profile);

        Assert.True(space.Assumed);
        Assert.Equal("profile.unsupported", space.Warning?.Code);
        using var image = new Image<Rgb24>(64, 64, SceneImages.Skin);
        SceneImages.Fill(image, 0, 0, 64, 20, SceneImages.Hair);
        var result = PhotoFiles.Analyse(WithIccp(SceneImages.Png(image), profile),
            """{"regions":{"hair":{"rect":[0,0,1,0.3]},"skin":{"rect":[0,0.5,1,0.5]}}}""");
        Assert.Contains(result.Warnings, w => w.Code == "profile.unsupported");
        Assert.True(result.Hair.Lab.L < result.Skin.Lab.L);
    }

    [Fact]
    public void A_profile_whose_tone_curve_maps_every_value_near_white_does_not_break_the_analysis()
    {
        // gamma 0.0001 (the smallest s15Fixed16 steps): every pixel but black becomes L* ≈ 100. Hostile, not a camera's.
        byte[] curve = Para(0, 7 / 65536.0);
        var profile = Profile("RGB ", [.. SrgbColorants(), ("rTRC", "para", curve), ("gTRC", "para", curve), ("bTRC", "para", curve)]);
        byte[] png = WithIccp(PhotoFiles.Generated("scene.png"), profile); // 16 bit: the values crowd even closer

        var result = PhotoFiles.Analyse(png, PhotoFiles.SceneRegions);

        Assert.True(double.IsFinite(result.Hair.Lab.L) && double.IsFinite(result.Skin.Lab.L));
        var auto = Assert.Throws<ProblemException>(() => PhotoFiles.Analyse(png, null)); // auto regions: no skin to find
        Assert.Equal("regions.not_found", auto.Code);
    }

    /// <summary>Inserts an iCCP chunk (PNG spec §11.3.3.3) after IHDR.</summary>
    private static byte[] WithIccp(byte[] png, byte[] profile)
    {
        using var zipped = new MemoryStream();
        using (var z = new ZLibStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(profile);
        }

        byte[] data = [.. "test\0"u8.ToArray(), 0, .. zipped.ToArray()];
        int ihdrEnd = 8 + 8 + 13 + 4;
        using var output = new MemoryStream();
        output.Write(png, 0, ihdrEnd);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        "iCCP"u8.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Bombs.Crc32(chunk[4..(8 + data.Length)]));
        output.Write(chunk);
        output.Write(png, ihdrEnd, png.Length - ihdrEnd);
        return output.ToArray();
    }
}
