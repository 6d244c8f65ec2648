using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;

namespace SmpShade.Api.Matching;

/// <summary>Checks a match request at the HTTP boundary and turns it into a <see cref="MatchPlan"/>.</summary>
public static class MatchValidation
{
    /// <summary>Largest <c>top</c>.</summary>
    public const int MaxTop = 100;

    /// <summary>Longest fading horizon, years.</summary>
    public const double MaxYears = 50;

    /// <summary>The plan, or null with <paramref name="problem"/> set (400 with a stable code).</summary>
    public static MatchPlan? Validate(MatchRequest? request, out ProblemHttpResult? problem)
    {
        problem = null;
        if (request is null)
        {
            problem = Problems.BadRequest("request.invalid", "A JSON body is required");
            return null;
        }

        string mode = (request.Mode ?? MatchModes.Hair).Trim().ToLowerInvariant();
        if (!MatchModes.All.Contains(mode))
        {
            problem = Problems.BadRequest("match.unknown_mode", "Unknown mode", $"Mode '{request.Mode}' is not one of {string.Join(", ", MatchModes.All)}.");
            return null;
        }

        int top = request.Top ?? 10;
        if (top is < 1 or > MaxTop)
        {
            problem = Problems.BadRequest("match.top_out_of_range", "top out of range", $"top must be between 1 and {MaxTop}; got {top}.");
            return null;
        }

        double years = request.Years ?? 0;
        if (!double.IsFinite(years) || years < 0 || years > MaxYears)
        {
            problem = Problems.BadRequest("match.years_out_of_range", "years out of range", $"years must be between 0 and {MaxYears}.");
            return null;
        }

        if (request.CatalogueVersion is not null && string.IsNullOrWhiteSpace(request.Supplier))
        {
            problem = Problems.BadRequest("match.version_without_supplier", "catalogueVersion needs a supplier",
                "A catalogue version number belongs to one supplier: name it in supplier.");
            return null;
        }

        // Only a slug can name a supplier: refuse anything else here, without echoing it (it may be megabytes) or
        // sending it to the database.
        string? supplier = string.IsNullOrWhiteSpace(request.Supplier) ? null : request.Supplier.Trim();
        if (supplier is not null && !SupplierSlug.IsValid(supplier))
        {
            problem = Problems.BadRequest("catalogue.supplier_invalid", "Bad supplier slug",
                "supplier must be lower-case letters, digits and hyphens, 1–64 characters, as GET /api/v1/suppliers lists them.",
                [new("field", "supplier")]);
            return null;
        }

        // A targetLab outside custom mode would be silently ignored (the hair is matched instead): say so.
        if (mode != MatchModes.Custom && request.TargetLab is not null)
        {
            problem = Problems.BadRequest("match.target_without_custom_mode", "targetLab needs mode custom",
                $"In mode '{mode}' the target is hairLab; send mode \"custom\" to match targetLab instead.", [new("field", "targetLab")]);
            return null;
        }

        string? skinReference = request.SkinReference;
        if (skinReference is not null && !ReferenceTypes.All.Contains(skinReference, StringComparer.Ordinal))
        {
            problem = Problems.BadRequest("match.skin_reference_invalid", "Unknown skinReference",
                $"skinReference must be one of {string.Join(", ", ReferenceTypes.All)} (the analysis answer's reference.type).",
                [new("field", "skinReference")]);
            return null;
        }

        // scar: the hair is the target and the scar tissue is the skin the ink heals in.
        string targetField = mode == MatchModes.Custom ? "targetLab" : "hairLab";
        var skin = Lab(request.SkinLab, "skinLab", ref problem);
        var target = Lab(mode == MatchModes.Custom ? request.TargetLab : request.HairLab, targetField, ref problem);
        if (skin is null || target is null)
        {
            return null;
        }

        return new MatchPlan(mode, skin.Value, target.Value, top, supplier,
            request.CatalogueVersion, years, request.StartLighter ?? true, request.Blends ?? false, skinReference);
    }

    // L* 0–100, a* and b* within ±128 (the range of any real surface colour with room to spare), all finite.
    private static Lab? Lab(LabInput? input, string field, ref ProblemHttpResult? problem)
    {
        if (problem is not null)
        {
            return null;
        }

        if (input is not { L: { } l, A: { } a, B: { } b })
        {
            problem = Problems.BadRequest("match.invalid_lab", $"{field} is missing",
                $"{field} must be an object {{\"l\", \"a\", \"b\"}} (D65 / 2°) with all three numbers.", [new("field", field)]);
            return null;
        }

        if (!double.IsFinite(l) || !double.IsFinite(a) || !double.IsFinite(b) || l is < 0 or > 100 || Math.Abs(a) > 128 || Math.Abs(b) > 128)
        {
            problem = Problems.BadRequest("match.invalid_lab", $"{field} is out of range",
                $"{field} needs 0 ≤ l ≤ 100 and |a|, |b| ≤ 128, all finite.", [new("field", field)]);
            return null;
        }

        return new Lab(l, a, b);
    }
}
