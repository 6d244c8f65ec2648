using System.Buffers.Binary;

namespace SmpShade.Api.Photos;

/// <summary>
/// Keeps from a PNG only the chunks the measurement needs before ImageSharp sees it. ImageSharp 2.1 inflates every
/// compressed text chunk (<c>zTXt</c>, compressed <c>iTXt</c>, PNG spec §11.3.4) in full while merely reading the
/// header, with no limit: a 1 MB file whose <c>zTXt</c> inflates to 1 GiB cost 18 s and 3 GB before any of the
/// service's limits applied. Text and every other piece of metadata the service does not use are therefore dropped
/// unread; the colour profile (<c>iCCP</c>) is read separately and within a limit (<see cref="PngIccChunk"/>).
/// </summary>
public static class PngChunks
{
    /// <summary>
    /// The chunks kept: the critical ones (§5.6: IHDR, PLTE, IDAT, IEND), transparency (tRNS, for the decoded colour of
    /// palette images and the transparency warning) and <c>eXIf</c> (§11.3.6, the orientation; stored uncompressed, so
    /// bounded by the file size).
    /// </summary>
    private static readonly byte[][] Kept = [.. new[] { "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "eXIf" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    private const int Signature = 8;

    /// <summary>
    /// The PNG with only the kept chunks, in their order; the same array when nothing is dropped. A damaged chunk
    /// structure (a length past the end of the file) ends the walk and the rest is copied as it is, for the decoder to
    /// refuse as damaged: nothing after it is a complete chunk that could be inflated.
    /// </summary>
    public static byte[] KeepDecodable(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var kept = new List<(int Start, int Length)>();
        bool dropped = false;
        int pos = Signature;
        foreach (var (start, length) in Walk(png))
        {
            if (IsKept(png.AsSpan(start + 4, 4)))
            {
                kept.Add((start, length));
            }
            else
            {
                dropped = true;
            }

            pos = start + length;
        }

        if (!dropped)
        {
            return png;
        }

        kept.Add((pos, png.Length - pos)); // the tail after the last whole chunk (normally empty)
        var result = new byte[Signature + kept.Sum(chunk => chunk.Length)];
        png.AsSpan(0, Signature).CopyTo(result);
        int at = Signature;
        foreach (var (start, length) in kept)
        {
            png.AsSpan(start, length).CopyTo(result.AsSpan(at));
            at += length;
        }

        return result;
    }

    /// <summary>Whether the PNG has a whole chunk of this type (e.g. <c>tRNS</c>).</summary>
    public static bool Contains(byte[] png, string type)
    {
        ArgumentNullException.ThrowIfNull(png);
        byte[] wanted = System.Text.Encoding.ASCII.GetBytes(type);
        return Walk(png).Any(chunk => png.AsSpan(chunk.Start + 4, 4).SequenceEqual(wanted));
    }

    /// <summary>Whether an <c>eXIf</c> chunk comes before the first <c>IDAT</c> (the image data).</summary>
    public static bool ExifBeforeImageData(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        foreach (var (start, _) in Walk(png))
        {
            var type = png.AsSpan(start + 4, 4);
            if (type.SequenceEqual("eXIf"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Each whole chunk's start and length (length, type, data and CRC), up to the first damaged one.</summary>
    private static IEnumerable<(int Start, int Length)> Walk(byte[] png)
    {
        int pos = Signature;
        while (pos + 12 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            long end = pos + 12L + length; // length, type, data, CRC
            if (length > int.MaxValue || end > png.Length)
            {
                yield break;
            }

            yield return (pos, (int)(end - pos));
            pos = (int)end;
        }
    }

    private static bool IsKept(ReadOnlySpan<byte> type)
    {
        foreach (byte[] name in Kept)
        {
            if (type.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}
