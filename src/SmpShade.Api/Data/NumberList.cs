using System.Globalization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SmpShade.Api.Data;

/// <summary>Stores <c>double[]</c> as round-trippable invariant text separated by ';'.</summary>
internal static class NumberList
{
    public static string Format(double[] values) =>
        string.Join(';', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public static double[] Parse(string text) => text.Length == 0
        ? []
        : text.Split(';').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    public static readonly ValueConverter<double[], string> Converter = new(v => Format(v), s => Parse(s));

    public static readonly ValueConverter<double[]?, string?> NullableConverter =
        new(v => v == null ? null : Format(v), s => s == null ? null : Parse(s));

    public static readonly ValueComparer<double[]> Comparer = new(
        (x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d)), v => v.ToArray());

    public static readonly ValueComparer<double[]?> NullableComparer = new(
        (x, y) => x == null ? y == null : y != null && x.SequenceEqual(y),
        v => v == null ? 0 : v.Aggregate(0, (h, d) => HashCode.Combine(h, d)),
        v => v == null ? null : v.ToArray());
}
