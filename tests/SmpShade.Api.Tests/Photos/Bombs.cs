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
