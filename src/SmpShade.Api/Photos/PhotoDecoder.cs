using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos;

/// <summary>A photo whose header has passed every check, before its pixels are decoded.</summary>
/// <param name="Format">ImageSharp's format name (JPEG, PNG, WEBP, TIFF).</param>
/// <param name="Width">Upright width (EXIF orientation applied).</param>
/// <param name="Height">Upright height.</param>
/// <param name="ColourSpace">The colour space its pixels are encoded in.</param>
/// <param name="Orientation">The EXIF orientation as ImageSharp read it and the pixels are turned by (1–8; 1 when absent or undefined).</param>
public sealed record PhotoHeader(string Format, int Width, int Height, PhotoColourSpace ColourSpace, int Orientation = 1);

/// <summary>
/// Bytes → pixels, refusing before decoding what should not be decoded (docs/api.md, "Analysing a photo"): the header is read with
/// <c>Image.Identify</c> and the byte, pixel and format limits are checked before any pixel buffer exists.
/// 8-bit images decode to Rgb24 and 16-bit ones to Rgb48 (no wasted channels). Metadata is not kept: only the
/// orientation and the colour profile are read from it.
/// </summary>
public static class PhotoDecoder
{
    private static readonly string[] Supported = ["JPEG", "PNG", "WEBP", "TIFF"];

    /// <summary>ImageSharp's defaults (pooled, possibly discontiguous buffers: the sampler reads by row).</summary>
    private static readonly Configuration DecodeConfiguration = Configuration.Default;

    /// <param name="bytes">The photo file.</param>
    /// <param name="limits">Byte and pixel limits.</param>
    /// <param name="cancellationToken">Checked before the pixels are decoded.</param>
    /// <param name="checkedHeader">Told the header once every check has passed, just before the pixels are decoded (work
    /// that needs only the bytes can start beside the decode).</param>
    public static PhotoPixels Decode(byte[] bytes, PhotoOptions limits, CancellationToken cancellationToken, Action<PhotoHeader>? checkedHeader = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.Length == 0)
        {
            throw Corrupt("The photo file is empty.");
        }

        if (bytes.Length > limits.MaxBytes)
        {
            throw TooLarge(limits);
        }

        var format = Image.DetectFormat(DecodeConfiguration, bytes);
        if (format is null)
        {
            throw KnownUnsupported(bytes) is { } name ? UnsupportedFormat(name) : Corrupt("The file is not an image the service recognises.");
        }

        if (!Supported.Contains(format.Name, StringComparer.OrdinalIgnoreCase))
        {
            throw UnsupportedFormat(format.Name);
        }

        if (FrameCount.HasSeveral(format.Name, bytes))
        {
            throw SeveralFrames();
        }

        bool png = format.Name.Equals("PNG", StringComparison.OrdinalIgnoreCase);
        var profileBytes = png ? PngIccChunk.Find(bytes) : null;
        if (png)
        {
            bytes = PngChunks.KeepDecodable(bytes); // text and unused metadata are never inflated
        }

        IImageInfo info;
        try
        {
            info = Image.Identify(DecodeConfiguration, bytes, out _) ?? throw Corrupt("The image header could not be read.");
        }
        catch (Exception error) when (IsDecodeFailure(error))
        {
            throw Corrupt("The image header could not be read.");
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            throw Corrupt("The image has no pixels.");
        }

        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "image.too_many_pixels", "The photo has too many pixels.",
                $"{info.Width}×{info.Height} exceeds the limit of {limits.MaxPixels} pixels.");
        }

        if (format.Name.Equals("JPEG", StringComparison.OrdinalIgnoreCase) && !JpegStructure.PrimaryImageIsComplete(bytes))
        {
            // ImageSharp fills a cut-off JPEG with grey rather than failing; a measurement on it would be wrong.
            throw Corrupt("The JPEG is truncated or damaged (its segments and scans do not run to an end-of-image marker).");
        }

        cancellationToken.ThrowIfCancellationRequested();
        int orientation = ShownOrientation(format.Name, bytes, info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? 1);
        var profile = png ? profileBytes : info.Metadata.IccProfile?.ToByteArray();
        var colourSpace = IccColourSpace.FromProfile(profile);
        bool sixteenBit = png
            ? info.Metadata.GetPngMetadata().BitDepth == PngBitDepth.Bit16
            : info.PixelType?.BitsPerPixel >= 48;

        int applied = orientation is >= 1 and <= 8 ? orientation : 1; // as PhotoPixels turns the pixels
        checkedHeader?.Invoke(applied >= 5
            ? new PhotoHeader(format.Name, info.Height, info.Width, colourSpace, applied)
            : new PhotoHeader(format.Name, info.Width, info.Height, colourSpace, applied));
        try
        {
            var warnings = Warnings(orientation, png && MayBeTransparent(info, bytes) ? bytes : null);
            PhotoPixels pixels = sixteenBit
                ? new PhotoPixels.Sixteen(Load<Rgb48>(bytes), orientation, colourSpace)
                : new PhotoPixels.Eight(Load<Rgb24>(bytes), orientation, colourSpace);
            pixels.DecodeWarnings = warnings;
            return pixels;
        }
        catch (Exception error) when (IsDecodeFailure(error))
        {
            throw Corrupt("The image data is damaged or truncated.");
        }
    }

    /// <summary>
    /// <c>image.orientation_invalid</c> for an EXIF orientation outside 1–8 (TIFF 6.0 tag 274 defines no other; the photo is
    /// then read as stored), and <c>image.transparent</c> when pixels of a PNG with transparency are not opaque: the
    /// colour stored under a transparent pixel is not what anyone saw (a fully transparent PNG is often black).
    /// </summary>
    private static List<PhotoWarning> Warnings(int orientation, byte[]? transparentPng)
    {
        var warnings = new List<PhotoWarning>();
        if (orientation is < 1 or > 8)
        {
            warnings.Add(new PhotoWarning("image.orientation_invalid", FormattableString.Invariant(
                $"The EXIF orientation is {orientation}; only 1–8 exist. The photo was read as stored, not rotated: check that the regions sit where you meant them.")));
        }

        if (transparentPng is not null && TransparentShare(transparentPng) is var (clear, partly) && clear + partly > 0)
        {
            warnings.Add(new PhotoWarning("image.transparent", clear == 1
                ? "The photo is fully transparent: the colours measured are whatever the file stores under the transparency, not a photograph."
                : FormattableString.Invariant(
                    $"{100 * (clear + partly):0.#} % of the photo is transparent ({100 * clear:0.#} % fully): their colours are what the file stores under the transparency, not what was photographed. Send the photo without transparency.")));
        }

        return warnings;
    }

    /// <summary>
    /// The EXIF orientation as a browser applies it, so that regions are on the photo the user sees: CSS Images 3
    /// (<c>image-orientation: from-image</c>) has orientation metadata found after the image data ignored (web-platform-tests
    /// <c>image-orientation-exif-png-2.html</c>, "late EXIF data is ignored"). A WebP's EXIF chunk always follows its image
    /// data (WebP container specification, RFC 9649 §2.7), so Chromium shows a WebP as stored (checked); a PNG's
    /// <c>eXIf</c> counts only before its first <c>IDAT</c>; a JPEG's APP1 always precedes its scans.
    /// </summary>
    private static int ShownOrientation(string format, byte[] bytes, int orientation) =>
        format.Equals("WEBP", StringComparison.OrdinalIgnoreCase)
        || (format.Equals("PNG", StringComparison.OrdinalIgnoreCase) && !PngChunks.ExifBeforeImageData(bytes))
            ? 1
            : orientation;

    /// <summary>An alpha channel (PNG colour types 4 and 6) or a tRNS chunk (PNG spec §11.3.2.1).</summary>
    private static bool MayBeTransparent(IImageInfo info, byte[] png) =>
        info.Metadata.GetPngMetadata().ColorType is PngColorType.RgbWithAlpha or PngColorType.GrayscaleWithAlpha
        || PngChunks.Contains(png, "tRNS");

    /// <summary>Shares of fully transparent and partly transparent pixels, from the alpha alone (1 byte per pixel).</summary>
    private static (double Clear, double Partly) TransparentShare(byte[] png)
    {
        using var alpha = Image.Load<A8>(DecodeConfiguration, png);
        long clear = 0, partly = 0;
        alpha.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    if (pixel.PackedValue == 0)
                    {
                        clear++;
                    }
                    else if (pixel.PackedValue < byte.MaxValue)
                    {
                        partly++;
                    }
                }
            }
        });
        double total = (double)alpha.Width * alpha.Height;
        return (clear / total, partly / total);
    }

    private static Image<TPixel> Load<TPixel>(byte[] bytes)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var image = Image.Load<TPixel>(DecodeConfiguration, bytes);
        if (image.Frames.Count > 1)
        {
            image.Dispose();
            throw SeveralFrames();
        }

        // Nothing of the metadata is kept past this point (GPS, camera serials …).
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        return image;
    }

    /// <summary>Signatures of image formats ImageSharp 2.1 cannot read, to answer 415 rather than "corrupt".</summary>
    private static string? KnownUnsupported(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = bytes.Slice(8, 4);
            return brand.SequenceEqual("avif"u8) ? "AVIF" : "HEIF/HEIC";
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return "PDF";
        }

        ReadOnlySpan<byte> jxlCodestream = [0xFF, 0x0A];
        ReadOnlySpan<byte> jxlContainer = [0, 0, 0, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' '];
        return bytes.StartsWith(jxlCodestream) || bytes.StartsWith(jxlContainer) ? "JPEG XL" : null;
    }

    /// <summary>
    /// Whatever the decoder throws on hostile bytes is a damaged file: ImageSharp 2.1 also throws NullReferenceException
    /// (a TIFF strip past the end of the file) and arithmetic errors, not only its own exception types. Only our own
    /// refusal, cancellation and running out of memory pass through.
    /// </summary>
    private static bool IsDecodeFailure(Exception error) =>
        error is not (ProblemException or OperationCanceledException or OutOfMemoryException);

    /// <summary>413 <c>image.too_large</c>: a photo (or its upload) over <see cref="PhotoOptions.MaxBytes"/>.</summary>
    public static ProblemException TooLarge(PhotoOptions limits) =>
        new(StatusCodes.Status413PayloadTooLarge, "image.too_large", "The photo is too large.",
            $"Photos up to {limits.MaxBytes} bytes are accepted.");

    private static ProblemException Corrupt(string detail) =>
        ProblemException.BadRequest("image.corrupt", "The photo could not be read.", detail);

    private static ProblemException SeveralFrames() =>
        ProblemException.Unprocessable("image.too_many_frames", "Send a single still photo.",
            "The file holds several frames (an animation or a multi-page file).");

    private static ProblemException UnsupportedFormat(string name) =>
        new(StatusCodes.Status415UnsupportedMediaType, "image.unsupported_format", "Unsupported image format.",
            $"{name} is not accepted; send JPEG, PNG (8 or 16 bit), WebP or TIFF.");
}
