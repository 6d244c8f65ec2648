using System.Globalization;
using System.Text;
using CsvHelper;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

/// <summary>
/// Reads a catalogue CSV row by row from a stream (never the whole file in memory as text). Headers are
/// case-insensitive; lines starting with '#' are comments. Columns: sku, name, line, l, a, b, illuminant,
/// observer, base, water_parts (";"-separated), scattering (optional, S at 550 nm), r400 … r700 (optional reflectance).
/// The file is UTF-8 unless the request names another charset (<see cref="EncodingOf"/>); bytes that are not
/// UTF-8 (a Latin-1 export from a spreadsheet) are refused, never stored as U+FFFD.
/// </summary>
public static class CsvCatalogueReader
{
    private static readonly string[] Required = ["sku", "name", "l", "a", "b", "base", "water_parts"];
    private static readonly string[] Optional = ["line", "illuminant", "observer", "scattering"];
    private static readonly string[] ReflectanceColumns =
        Enumerable.Range(0, CatalogueBuilder.ReflectanceCount).Select(i => $"r{400 + (10 * i)}").ToArray();

    /// <summary>Reads every row into <paramref name="builder"/>; <paramref name="encoding"/> null means UTF-8.</summary>
    public static async Task ReadAsync(Stream body, CatalogueBuilder builder, CancellationToken cancellationToken, Encoding? encoding = null)
    {
        var options = new CsvReaderOptions
        {
            Encoding = encoding,
            Separator = ',',
            CommentPrefix = '#',
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
            MaxRecordSize = 1 << 20, // a hostile unclosed quote cannot make the reader buffer the whole upload
        };
        await using var csv = CsvReader.Create(body, options, leaveOpen: true);
        try
        {
            await ReadRowsAsync(csv, builder, cancellationToken);
        }
        catch (CsvFormatException bad)
        {
            // A record past MaxRecordSize (a runaway quote, a line with no end): the file as a whole is unreadable.
            throw CatalogueProblems.Invalid("catalogue.csv_invalid", "The catalogue is not readable CSV.", bad.Message);
        }
    }

    private static async Task ReadRowsAsync(CsvReader csv, CatalogueBuilder builder, CancellationToken cancellationToken)
    {
        await csv.ReadHeaderAsync(cancellationToken);
        string[] header = [.. csv.Headers];
        if (header.Length == 0 || (header.Length == 1 && string.IsNullOrWhiteSpace(header[0])))
        {
            throw CatalogueProblems.Invalid("catalogue.empty", "The catalogue is empty.", "The file has no header and no rows.");
        }

        var columns = MapHeader(header);
        bool hasReflectance = columns.ContainsKey(ReflectanceColumns[0]);
        while (await csv.ReadAsync(cancellationToken))
        {
            int row = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                builder.AddError(row, "*", $"has {csv.FieldCount} fields; the header has {header.Length}");
                continue;
            }

            string? Cell(string name) => columns.TryGetValue(name, out int i) ? Decoded(csv.GetString(i), row, name) : null;
            string? ladder = Cell("water_parts");
            builder.Add(row, new RowFields(
                Cell("sku"), Cell("name"), Cell("line"), Cell("base"), Cell("l"), Cell("a"), Cell("b"),
                Cell("illuminant"), Cell("observer"),
                ladder?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                hasReflectance ? ReflectanceColumns.Select(Cell).ToArray() : null,
                Cell("scattering")));
        }
    }

    /// <summary>
    /// The encoding a CSV request declares in its Content-Type <c>charset</c>: null for UTF-8 (also when none is given,
    /// and for US-ASCII, a subset), Latin-1 for <c>iso-8859-1</c> / <c>latin1</c>, transcoded while reading.
    /// </summary>
    /// <exception cref="ProblemException">415 <c>catalogue.charset_unsupported</c> for any other charset.</exception>
    public static Encoding? EncodingOf(string? charset) => charset?.Trim().Trim('"').ToLowerInvariant() switch
    {
        null or "" or "utf-8" or "utf8" or "us-ascii" => null,
        "iso-8859-1" or "latin1" or "latin-1" or "l1" or "iso_8859-1" => Encoding.Latin1,
        _ => throw CatalogueProblems.Invalid("catalogue.charset_unsupported", "The catalogue's charset is not supported.",
            $"charset={charset}: send the CSV as UTF-8 (preferred) or declare charset=iso-8859-1 for a Latin-1 file.",
            status: StatusCodes.Status415UnsupportedMediaType),
    };

    /// <summary>
    /// UTF-8 decoding puts U+FFFD where bytes are not UTF-8; such a cell means the file is in another encoding (a
    /// spreadsheet's "CSV" in Windows-1252 or Latin-1): refuse the file rather than store the damaged text.
    /// </summary>
    private static string Decoded(string value, int row, string column) => !value.Contains('\uFFFD', StringComparison.Ordinal)
        ? value
        : throw CatalogueProblems.Invalid("catalogue.encoding_invalid", "The catalogue is not UTF-8 text.",
            $"Row {row}, column {column} has bytes that are not UTF-8 (accented letters saved as Latin-1 or Windows-1252?). " +
            "Save the file as \"CSV UTF-8\", or send it with Content-Type: text/csv; charset=iso-8859-1.");

    /// <summary>Column name → index; rejects unknown, repeated and missing columns before any row is read.</summary>
    private static Dictionary<string, int> MapHeader(string[] header)
    {
        if (header.Length == 1 && header[0].Contains(';', StringComparison.Ordinal))
        {
            // Spreadsheets in comma-decimal locales save "CSV" with semicolons; say so rather than list one odd column.
            throw CatalogueProblems.Invalid("catalogue.separator_invalid", "The catalogue is not comma-separated.",
                "The header uses ';' between columns. Separate columns with ',' and use '.' for decimals; ';' belongs only inside water_parts.");
        }

        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var repeated = new List<string>();
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].Trim().ToLowerInvariant();
            if (!Required.Contains(name) && !Optional.Contains(name) && !ReflectanceColumns.Contains(name))
            {
                unknown.Add(header[i]);
            }
            else if (!map.TryAdd(name, i))
            {
                repeated.Add(header[i]);
            }
        }

        if (unknown.Count > 0)
        {
            throw CatalogueProblems.Invalid("catalogue.columns_unknown", "The catalogue has columns the service does not know.",
                "Known columns: sku, name, line, l, a, b, illuminant, observer, base, water_parts, scattering, r400 … r700.", "columns", unknown);
        }

        if (repeated.Count > 0)
        {
            throw CatalogueProblems.Invalid("catalogue.columns_repeated", "The catalogue repeats columns.", null, "columns", repeated);
        }

        if (!map.ContainsKey("illuminant"))
        {
            throw CatalogueProblems.Invalid("catalogue.illuminant_missing", "The catalogue does not state its illuminant.",
                "Add an illuminant column (D50 or D65): values without measurement conditions cannot be compared.");
        }

        var missing = Required.Where(c => !map.ContainsKey(c)).ToList();
        var reflectance = ReflectanceColumns.Where(map.ContainsKey).ToList();
        if (reflectance.Count > 0)
        {
            missing.AddRange(ReflectanceColumns.Where(c => !map.ContainsKey(c)));
        }

        if (missing.Count > 0)
        {
            throw CatalogueProblems.Invalid("catalogue.columns_missing", "The catalogue lacks required columns.",
                "Reflectance columns come all 31 (r400 … r700) or none.", "columns", missing);
        }

        return map;
    }
}
