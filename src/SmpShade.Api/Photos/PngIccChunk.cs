using System.Buffers.Binary;
using System.IO.Compression;

namespace SmpShade.Api.Photos;

/// <summary>
/// Finds a PNG's embedded ICC profile (the <c>iCCP</c> chunk, PNG spec §11.3.3.3): ImageSharp 2.1 does not read it.
/// Layout: profile name (1–79 bytes Latin-1), NUL, compression method (0 = zlib), zlib-compressed profile.
/// </summary>
public static class PngIccChunk
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Largest inflated profile accepted: real matrix/TRC profiles are a few kB, LUT ones under 1 MB.</summary>
    private const int MaxProfileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The raw ICC profile bytes; null when the file has none; empty when it has one that cannot be read (damaged,
    /// or inflating past the limit), so that it is reported as unusable rather than missing.
    /// </summary>
    public static byte[]? Find(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            return null;
        }

        int pos = Signature.Length;
        while (pos + 8 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            var type = png.Slice(pos + 4, 4);
            long dataStart = pos + 8L;
            if (length > int.MaxValue || dataStart + length > png.Length)
            {
                return null;
            }

            var data = png.Slice((int)dataStart, (int)length);
            if (type.SequenceEqual("iCCP"u8))
            {
                return Inflate(data);
            }

            // iCCP must precede PLTE and IDAT (PNG spec §5.6); stop at the first image data.
            if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
            {
                return null;
            }

            pos = (int)(dataStart + length + 4); // + CRC
        }

        return null;
    }

    private static byte[] Inflate(ReadOnlySpan<byte> data)
    {
        int nul = data.IndexOf((byte)0);
        if (nul < 1 || nul > 79 || nul + 2 > data.Length || data[nul + 1] != 0)
        {
            return [];
        }

        try
        {
            using var input = new MemoryStream(data[(nul + 2)..].ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > MaxProfileBytes)
                {
                    return [];
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }
}
