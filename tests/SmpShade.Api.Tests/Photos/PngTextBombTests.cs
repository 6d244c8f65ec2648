using System.Net;
using SmpShade.Api.Photos;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>
/// Text-chunk bombs (issue 15): a PNG whose zTXt or iTXt inflates to hundreds of megabytes is measured without
/// inflating it, through every photo entry point. Run alone (not in parallel with other collections) because the
/// endpoint tests bound the whole process's allocation.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PngTextBombApi : ICollectionFixture<SmpShadeFactory>
{
    public const string Name = "png-text-bomb";
}

[Collection(PngTextBombApi.Name)]
public sealed class PngTextBombTests(SmpShadeFactory factory)
{
    /// <summary>128 MiB of text; inflating it would allocate at least that (ImageSharp 2.1 also makes a string of it).</summary>
    private const int Inflated = 128 * 1024 * 1024;

    /// <summary>What an analysis of the 256×256 scene may allocate: a few MB (README: 10–16 MB for 12 MP) plus slack.</summary>
    private const long AllocationBound = 64L * 1024 * 1024;

    private static readonly Lazy<byte[]> ZtxtBomb = new(() => Bombs.PngWithChunk(PhotoFiles.Generated("scene_sRGB_8.png"), "zTXt", Bombs.TextBomb("zTXt", Inflated)));
    private static readonly Lazy<byte[]> ItxtBomb = new(() => Bombs.PngWithChunk(PhotoFiles.Generated("scene_sRGB_8.png"), "iTXt", Bombs.TextBomb("iTXt", Inflated)));

    [Theory]
    [InlineData("zTXt")]
    [InlineData("iTXt")]
    public void A_compressed_text_chunk_is_never_inflated(string type)
    {
        byte[] bomb = type == "zTXt" ? ZtxtBomb.Value : ItxtBomb.Value;
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes on the wire");
        var plain = PhotoFiles.Analyse(PhotoFiles.Generated("scene_sRGB_8.png"));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = PhotoFiles.Analyse(bomb);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < AllocationBound, $"{allocated / 1048576.0:F0} MB allocated");
        Assert.Equal(plain.Skin.Lab, result.Skin.Lab); // the text changes nothing of the measurement
        Assert.Equal(plain.Hair.Lab, result.Hair.Lab);
    }

    [Fact]
    public void Only_the_chunks_the_measurement_uses_are_passed_to_the_decoder()
    {
        byte[] png = Bombs.Png(16, 16); // IHDR, IDAT, IEND only
        byte[] withText = Bombs.PngWithChunk(Bombs.PngWithChunk(png, "tEXt", "Author\0someone"u8.ToArray()), "zzZz", [1, 2, 3]);
        Assert.Equal(png, PngChunks.KeepDecodable(withText)); // text and unknown chunks gone, the rest byte for byte
        Assert.Same(png, PngChunks.KeepDecodable(png)); // nothing to drop: no copy
    }

    [Fact]
    public async Task The_analyses_endpoint_does_not_inflate_a_text_bomb()
    {
        using var form = PhotoFiles.Form(ZtxtBomb.Value, PhotoFiles.SceneRegions, "bomb.png");
        await AssertBoundedAsync(factory.CreateClient(), "/api/v1/analyses", form, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_matches_photo_form_does_not_inflate_a_text_bomb()
    {
        using var form = PhotoFiles.Form(ZtxtBomb.Value, PhotoFiles.SceneRegions, "bomb.png");
        form.Add(new StringContent("""{"top":3,"supplier":"sample"}"""), "match");
        await AssertBoundedAsync(factory.CreateClient(), "/api/v1/matches", form, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_outcomes_photo_form_does_not_inflate_a_text_bomb()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Admin);
        using var form = PhotoFiles.Form(ZtxtBomb.Value, PhotoFiles.SceneRegions, "bomb.png");
        form.Add(new StringContent("""{"supplier":"sample","sku":"NOIR-01","catalogueVersion":1,"waterParts":3,"monthsSinceTreatment":9}"""), "outcome");
        await AssertBoundedAsync(client, "/api/v1/outcomes", form, HttpStatusCode.Created);
    }

    /// <summary>The whole process's allocation during the request (this collection runs alone; the host is started first).</summary>
    private static async Task AssertBoundedAsync(HttpClient client, string path, HttpContent form, HttpStatusCode expected)
    {
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await client.PostAsync(path, form);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, body);
        Assert.True(allocated < 2 * AllocationBound, $"{allocated / 1048576.0:F0} MB allocated");
    }
}
