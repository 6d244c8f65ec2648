using System.Buffers.Binary;
using System.Text;
using SmpShade.Colour;

namespace SmpShade.Api.Photos;

/// <summary>
/// A bounds-checked reader of the ICC tags a matrix/TRC profile needs (ICC.1:2010): the header (§7.2), the tag table
/// (§7.3), and the types XYZ (§10.31), curv (§10.5), para (§10.15) and desc (v2) / mluc (§10.13).
/// </summary>
public sealed class IccTags
{
    private readonly byte[] data;
    private readonly Dictionary<string, (int Offset, int Size)> table;

    private IccTags(byte[] data, Dictionary<string, (int Offset, int Size)> table)
    {
        this.data = data;
        this.table = table;
    }

    /// <summary>Header field 'data colour space' (e.g. "RGB ").</summary>
    public string DataColourSpace => Ascii(16, 4);

    /// <summary>Header field 'profile connection space' ("XYZ " or "Lab ").</summary>
    public string ConnectionSpace => Ascii(20, 4);

    /// <summary>Reads the tag table, or null (with the reason) when the bytes are not an ICC profile.</summary>
    public static IccTags? TryRead(byte[] profile, out string why)
    {
        ArgumentNullException.ThrowIfNull(profile);
        why = string.Empty;
        if (profile.Length < 132 || !profile.AsSpan(36, 4).SequenceEqual("acsp"u8))
        {
            why = "not an ICC profile";
            return null;
        }

        uint count = BinaryPrimitives.ReadUInt32BigEndian(profile.AsSpan(128));
        if (count > 1000 || 132 + (count * 12) > profile.Length)
        {
            why = "a damaged tag table";
            return null;
        }

        var table = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var entry = profile.AsSpan(132 + (i * 12), 12);
            uint offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            uint size = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            if (offset + (ulong)size > (ulong)profile.Length || size < 8)
            {
                continue; // a damaged tag is as good as a missing one
            }

            table.TryAdd(Encoding.ASCII.GetString(entry[..4]), ((int)offset, (int)size));
        }

        return new IccTags(profile, table);
    }

    /// <summary>An XYZType tag's first value (s15Fixed16Number × 3).</summary>
    public Xyz? Xyz(string signature)
    {
        var tag = Tag(signature, "XYZ ");
        if (tag.Length < 20)
        {
            return null;
        }

        return new Xyz(Fixed(tag[8..]), Fixed(tag[12..]), Fixed(tag[16..]));
    }

    /// <summary>A curveType or parametricCurveType tag as a transfer function (encoded → linear).</summary>
    public TransferFunction? Curve(string signature)
    {
        var curv = Tag(signature, "curv");
        if (curv.Length >= 12)
        {
            uint n = BinaryPrimitives.ReadUInt32BigEndian(curv[8..]);
            if (n == 0)
            {
                return TransferFunction.Linear; // identity (§10.5)
            }

            if (12 + (n * 2L) > curv.Length)
            {
                return null;
            }

            if (n == 1)
            {
                double gamma = BinaryPrimitives.ReadUInt16BigEndian(curv[12..]) / 256.0; // u8Fixed8Number
                return gamma > 0 ? TransferFunction.Gamma(gamma) : null;
            }

            var samples = new double[n];
            for (int i = 0; i < n; i++)
            {
                samples[i] = BinaryPrimitives.ReadUInt16BigEndian(curv[(12 + (2 * i))..]) / 65535.0;
            }

            return new SampledCurve(samples);
        }

        var para = Tag(signature, "para");
        if (para.Length < 12)
        {
            return null;
        }

        int type = BinaryPrimitives.ReadUInt16BigEndian(para[8..]);
        int[] counts = [1, 3, 4, 5, 7]; // parameters per function type (§10.15 table 65)
        if (type >= counts.Length || para.Length < 12 + (4 * counts[type]))
        {
            return null;
        }

        var p = new double[7];
        for (int i = 0; i < counts[type]; i++)
        {
            p[i] = Fixed(para[(12 + (4 * i))..]);
        }

        double g = p[0], a = p[1], b = p[2], c = p[3], d = p[4], e = p[5], f = p[6];
        if (g <= 0 || (type is 1 or 2 && a == 0))
        {
            return null;
        }

        return type switch
        {
            0 => TransferFunction.Gamma(g),                          // X^g
            1 => new ParametricCurve(g, a, b, 0, -b / a, 0, 0),      // (aX+b)^g for X ≥ −b/a, else 0
            2 => new ParametricCurve(g, a, b, 0, -b / a, c, c),      // (aX+b)^g + c for X ≥ −b/a, else c
            3 => new ParametricCurve(g, a, b, c, d, 0, 0),           // (aX+b)^g for X ≥ d, else cX
            _ => new ParametricCurve(g, a, b, c, d, e, f),           // (aX+b)^g + e for X ≥ d, else cX + f
        };
    }

    /// <summary>The profile description (v2 'desc' ASCII, or the first v4 'mluc' record).</summary>
    public string? Description()
    {
        var desc = Tag("desc", "desc");
        if (desc.Length >= 12)
        {
            uint n = BinaryPrimitives.ReadUInt32BigEndian(desc[8..]);
            return n > 0 && 12 + n <= desc.Length ? Clean(Encoding.ASCII.GetString(desc.Slice(12, (int)n))) : null;
        }

        var mluc = Tag("desc", "mluc");
        if (mluc.Length < 28)
        {
            return null;
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(mluc[20..]);
        uint offset = BinaryPrimitives.ReadUInt32BigEndian(mluc[24..]);
        return offset + (ulong)length <= (ulong)mluc.Length
            ? Clean(Encoding.BigEndianUnicode.GetString(mluc.Slice((int)offset, (int)length)))
            : null;
    }

    private ReadOnlySpan<byte> Tag(string signature, string type)
    {
        if (!table.TryGetValue(signature, out var at))
        {
            return [];
        }

        var tag = data.AsSpan(at.Offset, at.Size);
        return tag[..4].SequenceEqual(Encoding.ASCII.GetBytes(type)) ? tag : [];
    }

    private string Ascii(int offset, int length) => Encoding.ASCII.GetString(data, offset, length);

    /// <summary>s15Fixed16Number (§4.6).</summary>
    private static double Fixed(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32BigEndian(bytes) / 65536.0;

    /// <summary>Longest description answered: real ones ("Display P3", "sRGB IEC61966-2.1 …") are well under it.</summary>
    private const int MaxDescription = 100;

    /// <summary>
    /// The description goes into every answer: control characters (line breaks, NUL) become spaces, runs of spaces one,
    /// and it is cut to <see cref="MaxDescription"/> characters, so a hostile tag cannot fill or break the answer.
    /// </summary>
    private static string? Clean(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, MaxDescription));
        foreach (char c in text)
        {
            char next = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (next == ' ' && (clean.Length == 0 || clean[^1] == ' '))
            {
                continue;
            }

            clean.Append(next);
            if (clean.Length == MaxDescription)
            {
                break;
            }
        }

        string result = clean.ToString().TrimEnd();
        return result.Length == 0 ? null : result;
    }
}
