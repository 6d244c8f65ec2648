using System.Buffers.Binary;
using System.IO.Compression;

namespace SmpShade.Api.Tests.Photos;

/// <summary>Decompression bombs: tiny files whose headers claim huge images.</summary>
public static class Bombs
{
    /// <summary>A valid PNG signature + IHDR (8-bit RGB) claiming width × height, one tiny IDAT, IEND (PNG spec §5, §11.2).</summary>
    public static byte[] Png(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        using (var zipped = new MemoryStream())
        {
            using (var z = new ZLibStream(zipped, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(new byte[4096]);
            }

            Chunk(png, "IDAT", zipped.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A real JPEG whose SOF0/SOF2 frame header is patched to claim width × height (ITU T.81 §B.2.2).</summary>
    public static byte[] Jpeg(byte[] jpeg, int width, int height)
    {
        var bytes = (byte[])jpeg.Clone();
        for (int i = 2; i + 9 < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 7), (ushort)width);
                return bytes;
            }
        }

        throw new ArgumentException("No SOF marker found.", nameof(jpeg));
    }

    /// <summary>
    /// A little-endian baseline TIFF (TIFF 6.0 §2, §8) of <paramref name="pages"/> RGB pages of width × height, chained
    /// through the IFDs' next-offset. Page 1's single deflate strip holds mid-grey; every later page points its strip
    /// past the end of the file, so a decoder that reads page 2 fails, and one that looks at the chain first does not.
    /// <paramref name="damagedFirstPage"/> points page 1's strip past the end too.
    /// </summary>
    public static byte[] MultiPageTiff(int width, int height, int pages, bool damagedFirstPage = false)
    {
        using var zipped = new MemoryStream();
        using (var z = new ZLibStream(zipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width * 3];
            Array.Fill(row, (byte)128);
            for (int y = 0; y < height; y++)
            {
                z.Write(row);
            }
        }

        byte[] strip = zipped.ToArray();
        using var tiff = new MemoryStream();
        using var w = new BinaryWriter(tiff);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(0); // first IFD offset, patched below
        int stripAt = (int)tiff.Position;
        w.Write(strip);
        int bitsAt = (int)tiff.Position;
        for (int channel = 0; channel < 3; channel++)
        {
            w.Write((ushort)8); // BitsPerSample 8, 8, 8
        }
        int previousNext = 4;
        for (int page = 0; page < pages; page++)
        {
            if (tiff.Position % 2 == 1)
            {
                w.Write((byte)0); // IFDs start on a word boundary (TIFF 6.0 §2)
            }

            int ifd = (int)tiff.Position;
            tiff.Position = previousNext;
            w.Write(ifd);
            tiff.Position = ifd;
            (ushort Tag, ushort Type, int Count, int Value)[] entries =
            [
                (256, 4, 1, width), (257, 4, 1, height), (258, 3, 3, bitsAt), (259, 3, 1, 8), (262, 3, 1, 2),
                (273, 4, 1, page == 0 && !damagedFirstPage ? stripAt : int.MaxValue - 16), (277, 3, 1, 3), (278, 4, 1, height),
                (279, 4, 1, strip.Length), (284, 3, 1, 1),
            ];
            w.Write((ushort)entries.Length);
            foreach (var (tag, type, count, value) in entries)
            {
                w.Write(tag);
                w.Write(type);
                w.Write(count);
                w.Write(value); // a SHORT value sits in the first 2 bytes of the 4, little-endian
            }

            previousNext = (int)tiff.Position;
            w.Write(0); // next IFD: none (patched when another page follows)
        }

        return tiff.ToArray();
    }

    /// <summary>
    /// <paramref name="png"/> with a chunk of the given type inserted right after IHDR (whose 25 bytes follow the
    /// 8-byte signature, PNG spec §5.2–5.3), where a writer puts text and profile chunks.
    /// </summary>
    public static byte[] PngWithChunk(byte[] png, string type, byte[] data)
    {
        using var result = new MemoryStream();
        result.Write(png, 0, 33);
        Chunk(result, type, data);
        result.Write(png, 33, png.Length - 33);
        return result.ToArray();
    }

    /// <summary>
    /// The data of a compressed text chunk (PNG spec §11.3.4.4 zTXt: keyword, NUL, method 0, zlib text; §11.3.4.5 iTXt:
    /// keyword, NUL, compression flag 1, method 0, language tag NUL, translated keyword NUL, zlib text) whose text
    /// inflates to <paramref name="inflatedBytes"/> spaces: about a thousandth of that on the wire.
    /// </summary>
    public static byte[] TextBomb(string type, int inflatedBytes)
    {
        using var data = new MemoryStream();
        data.Write("Comment\0"u8);
        data.Write(type == "iTXt" ? "\u0001\0\0\0"u8 : "\0"u8);
        using (var z = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (int written = 0; written < inflatedBytes; written += block.Length)
            {
                z.Write(block, 0, Math.Min(block.Length, inflatedBytes - written));
            }
        }

        return data.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header[4..]);
        png.Write(header);
        png.Write(data);
        var crcInput = new byte[4 + data.Length];
        header[4..].CopyTo(crcInput);
        data.CopyTo(crcInput, 4);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(crcInput));
        png.Write(crc);
    }

    /// <summary>CRC-32 (ISO 3309 / PNG spec Annex D), bitwise.</summary>
    public static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
