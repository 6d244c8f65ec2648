using System.Globalization;

namespace SmpShade.Colour.Tests;

/// <summary>Reads the published reference CSVs copied into Data/ (lines starting with # name the source).</summary>
public static class CsvData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    /// <summary>Rows as header→value dictionaries, skipping the # source lines.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string file)
    {
        var lines = File.ReadLines(PathOf(file)).Where(l => !l.StartsWith('#') && l.Length > 0).ToList();
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line =>
        {
            string[] cells = line.Split(',');
            return (IReadOnlyDictionary<string, string>)header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        })];
    }

    public static double D(this IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], CultureInfo.InvariantCulture);
}
