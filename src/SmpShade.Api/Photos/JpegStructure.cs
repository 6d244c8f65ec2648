namespace SmpShade.Api.Photos;

/// <summary>
/// Walks the marker structure of a JPEG's primary image (ITU T.81 Annex B) to find where it ends. Needed because
/// ImageSharp 2.1 fills a cut-off JPEG with grey instead of failing, and because phones append data after the primary
/// image's end-of-image marker (a second JPEG in an MPF file, the video of a "motion photo", maker trailers) in which
/// marker-like bytes occur by chance: only the primary image's own structure says whether it is complete.
/// </summary>
public static class JpegStructure
{
    private const byte Marker = 0xFF, Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, Tem = 0x01;

    /// <summary>
    /// True when the bytes start with SOI and the primary image's segments and scans run to its EOI marker; false when
    /// the data stops first (truncated) or the structure is broken before it.
    /// </summary>
    public static bool PrimaryImageIsComplete(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != Marker || bytes[1] != Soi)
        {
            return false;
        }

        int at = 2;
        while (true)
        {
            // A marker: FF, optional FF fill bytes (B.1.1.2), then its code.
            if (at >= bytes.Length || bytes[at] != Marker)
            {
                return false;
            }

            while (at < bytes.Length && bytes[at] == Marker)
            {
                at++;
            }

            if (at >= bytes.Length)
            {
                return false;
            }

            byte code = bytes[at++];
            if (code == Eoi)
            {
                return true;
            }

            if (code == Soi || code == 0x00 || code == Tem || code is >= 0xD0 and <= 0xD7)
            {
                return false; // no length follows these, and none of them belongs between segments of one image
            }

            if (at + 2 > bytes.Length)
            {
                return false;
            }

            int length = (bytes[at] << 8) | bytes[at + 1]; // includes its own two bytes
            if (length < 2 || at + length > bytes.Length)
            {
                return false;
            }

            at += length;
            if (code != Sos)
            {
                continue;
            }

            // Entropy-coded data: every FF in it is stuffed with 00 or is a restart marker (B.1.1.5); the first other
            // marker ends the scan (EOI, or a table or next scan in a progressive image).
            while (true)
            {
                int next = bytes[at..].IndexOf(Marker);
                if (next < 0 || at + next + 1 >= bytes.Length)
                {
                    return false;
                }

                at += next;
                byte after = bytes[at + 1];
                if (after == 0x00 || after is >= 0xD0 and <= 0xD7)
                {
                    at += 2;
                    continue;
                }

                if (after == Marker)
                {
                    at++; // fill byte before a marker
                    continue;
                }

                break; // at points to the FF of the marker ending the scan
            }
        }
    }
}
