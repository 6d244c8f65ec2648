using System.Globalization;
using System.Reflection;

namespace SmpShade.Colour.Spectra;

/// <summary>The published tables compiled into the assembly (Spectra/Data/*.csv; each file's first lines name its source).</summary>
internal static class EmbeddedTable
{
    /// <summary>The numeric rows of table <paramref name="name"/>: <c>#</c> source lines and the header are skipped.</summary>
    public static List<double[]> Rows(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"SmpShade.Colour.Spectra.{name}.csv")
            ?? throw new InvalidOperationException($"Embedded table {name} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<double[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || !char.IsDigit(line[0]))
            {
                continue; // source lines and the header
            }

            rows.Add([.. line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture))]);
        }

        return rows;
    }

    /// <summary>Column <paramref name="column"/> (0 = wavelength) of <paramref name="rows"/>.</summary>
    public static double[] Column(List<double[]> rows, int column) => [.. rows.Select(r => r[column])];
}
