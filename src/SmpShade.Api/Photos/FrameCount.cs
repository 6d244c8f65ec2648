using System.Buffers.Binary;

namespace SmpShade.Api.Photos;

/// <summary>
/// Tells from the container alone whether a TIFF or WebP holds more than one frame, so a multi-page or animated file
/// is refused before decoding. ImageSharp 2.1 decodes every frame of such a file (and its header check sees only the
/// first), so a 150 kB TIFF of eight 49-megapixel pages cost 1.2 GB before the frame count could be looked at.
/// </summary>
public static class FrameCount
{
    /// <summary>True when the file's container names a second frame.</summary>
    public static bool HasSeveral(string format, ReadOnlySpan<byte> bytes) => format.ToUpperInvariant() switch
    {
        "TIFF" => TiffHasSecondDirectory(bytes),
        "WEBP" => WebpAnimationFrames(bytes) > 1,
        _ => false,
    };

    /// <summary>
    /// TIFF 6.0 §2: the first image file directory (IFD) ends with the offset of the next one, 0 when there is none.
    /// BigTIFF (magic 43) uses 8-byte counts and offsets and 20-byte entries. A damaged header answers false and is
    /// left to the decoder, which refuses it.
    /// </summary>
    private static bool TiffHasSecondDirectory(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16)
        {
            return false;
        }

        bool little = bytes[0] == (byte)'I';
        ushort magic = little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        bool big = magic == 43;
        ulong first = big ? Read(bytes[8..], 8, little) : Read(bytes[4..], 4, little);
        int countSize = big ? 8 : 2, entrySize = big ? 20 : 12, offsetSize = big ? 8 : 4;
        if (first >= (ulong)bytes.Length || first + (ulong)countSize > (ulong)bytes.Length)
        {
            return false;
        }

        ulong entries = Read(bytes[(int)first..], countSize, little);
        ulong next = first + (ulong)countSize + (entries * (ulong)entrySize);
        if (entries > (ulong)bytes.Length || next + (ulong)offsetSize > (ulong)bytes.Length)
        {
            return false;
        }

        return Read(bytes[(int)next..], offsetSize, little) != 0;
    }

    /// <summary>WebP container (RIFF): an animation stores each frame in its own ANMF chunk (Google's WebP container spec).</summary>
    private static int WebpAnimationFrames(ReadOnlySpan<byte> bytes)
    {
        int frames = 0;
        long pos = 12; // "RIFF", size, "WEBP"
        while (pos + 8 <= bytes.Length && frames < 2)
        {
            var chunk = bytes.Slice((int)pos, 8);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            pos += 8 + (long)size + (size & 1); // chunks are padded to an even size
        }

        return frames;
    }

    private static ulong Read(ReadOnlySpan<byte> bytes, int size, bool little) => size switch
    {
        2 => little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes),
        4 => little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes),
        _ => little ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes),
    };
}
