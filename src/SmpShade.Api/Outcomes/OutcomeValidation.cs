using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Matching;
using SmpShade.Api.Photos;
using SmpShade.Colour;

namespace SmpShade.Api.Outcomes;

/// <summary>A validated outcome; <see cref="Skin"/> and <see cref="Healed"/> are null when a photo will supply them.</summary>
public sealed record OutcomePlan(string Supplier, string Sku, int? CatalogueVersion, double WaterParts, Lab? Skin, double Months, Lab? Healed, string? Notes);

/// <summary>Checks an outcome at the HTTP boundary (400 problems with stable codes).</summary>
public static class OutcomeValidation
{
    public const int MaxNotesLength = 2000;

    /// <summary>Most water parts accepted (1 part ink in 101).</summary>
    public const double MaxWaterParts = 100;

    /// <summary>Most months accepted: 50 years, the fading horizon matching accepts.</summary>
    public const double MaxMonths = 600;

    /// <summary>The plan, or null with <paramref name="problem"/> set. With <paramref name="fromPhoto"/> the Labs must be absent.</summary>
    public static OutcomePlan? Validate(OutcomeRequest? request, bool fromPhoto, out ProblemHttpResult? problem)
    {
        problem = null;
        if (request is null)
        {
            problem = Problems.BadRequest("request.invalid", "An outcome is required",
                fromPhoto ? "Add the outcome as a JSON part named 'outcome'." : "Send the outcome as a JSON body.");
            return null;
        }

        string? supplier = request.Supplier?.Trim(), sku = request.Sku?.Trim();
        if (string.IsNullOrEmpty(supplier) || string.IsNullOrEmpty(sku))
        {
            problem = Field("outcome.pigment_missing", "The pigment is missing", "Name the pigment with supplier and sku.",
                string.IsNullOrEmpty(supplier) ? "supplier" : "sku");
            return null;
        }

        if (request.CatalogueVersion is < 1)
        {
            problem = Field("outcome.catalogue_version_invalid", "catalogueVersion must be 1 or more", null, "catalogueVersion");
            return null;
        }

        if (request.WaterParts is not { } water || !double.IsFinite(water) || water < 0 || water > MaxWaterParts)
        {
            problem = Field("outcome.water_parts_out_of_range", "waterParts is missing or out of range",
                $"waterParts (parts of water per part of ink) must be a number from 0 to {MaxWaterParts}.", "waterParts");
            return null;
        }

        if (request.MonthsSinceTreatment is not { } months || !double.IsFinite(months) || months < 0 || months > MaxMonths)
        {
            problem = Field("outcome.months_out_of_range", "monthsSinceTreatment is missing or out of range",
                $"monthsSinceTreatment must be a number from 0 to {MaxMonths}.", "monthsSinceTreatment");
            return null;
        }

        if (request.Notes is { Length: > MaxNotesLength })
        {
            problem = Field("outcome.notes_too_long", "notes is too long", $"notes holds at most {MaxNotesLength} characters.", "notes");
            return null;
        }

        Lab? skin = null, healed = null;
        if (fromPhoto)
        {
            if (request.SkinLab is not null || request.HealedLab is not null)
            {
                problem = Field("outcome.lab_and_photo", "Both a photo and Lab values were sent",
                    "With a photo, skinLab and healedLab are measured from it: leave them out of the outcome part.",
                    request.SkinLab is not null ? "skinLab" : "healedLab");
                return null;
            }
        }
        else
        {
            skin = Lab(request.SkinLab, "skinLab", ref problem);
            healed = Lab(request.HealedLab, "healedLab", ref problem);
            if (problem is not null)
            {
                return null;
            }
        }

        return new OutcomePlan(supplier, sku, request.CatalogueVersion, water, skin, months, healed,
            string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim());
    }

    // L* 0–100 and |a*|, |b*| ≤ 128, all finite: the same bounds as matching.
    private static Lab? Lab(LabInput? input, string field, ref ProblemHttpResult? problem)
    {
        if (problem is not null)
        {
            return null;
        }

        if (input is not { L: { } l, A: { } a, B: { } b })
        {
            problem = Field("outcome.invalid_lab", $"{field} is missing", $"{field} must be an object {{\"l\", \"a\", \"b\"}} (D65 / 2°) with all three numbers.", field);
            return null;
        }

        if (!double.IsFinite(l) || !double.IsFinite(a) || !double.IsFinite(b) || l is < 0 or > 100 || Math.Abs(a) > 128 || Math.Abs(b) > 128)
        {
            problem = Field("outcome.invalid_lab", $"{field} is out of range", $"{field} needs 0 ≤ l ≤ 100 and |a|, |b| ≤ 128, all finite.", field);
            return null;
        }

        return new Lab(l, a, b);
    }

    /// <summary>
    /// An outcome sent with a photo: the outcome part as <see cref="Validate(OutcomeRequest?, bool, out ProblemHttpResult?)"/>
    /// checks it, then the regions. Guessed regions are fine for a first look, not for training data: the healed dots
    /// (<c>regions.hair</c>) and the skin around them must be marked.
    /// </summary>
    public static OutcomePlan? Validate(OutcomeRequest? request, AnalysisOptions photoOptions, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(photoOptions);
        var plan = Validate(request, fromPhoto: true, out problem);
        if (plan is not null && (photoOptions.Regions?.Hair is null || photoOptions.Regions.Skin is null))
        {
            problem = Problems.BadRequest("outcome.regions_required", "Mark the healed dots and the skin",
                "For an outcome photo, options.regions.hair (the healed dots area) and options.regions.skin (the skin around them) are required.");
            return null;
        }

        return plan;
    }

    private static ProblemHttpResult Field(string code, string title, string? detail, string field) =>
        Problems.BadRequest(code, title, detail, [new("field", field)]);
}
