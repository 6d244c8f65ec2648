using System.Text.RegularExpressions;

namespace SmpShade.Api.Catalogue;

/// <summary>Supplier slugs: lower-case letters, digits and hyphens, 1–64 characters, starting with a letter or digit.</summary>
public static partial class SupplierSlug
{
    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);

    // \z, not $: $ also matches before a final newline, which let "acme\n" through as a slug.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
