using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos.Reference;

namespace SmpShade.Api.Photos;

/// <summary>Checks analysis options at the HTTP boundary; every failure is a 400 with a stable code.</summary>
public static class OptionsValidator
{
    /// <summary>
    /// Darkest grey card accepted (L* 10, luminance reflectance 0.0113): below it the card's few photo-electrons make
    /// the gains mostly noise, and no reference card is made that dark.
    /// </summary>
    public const double MinCardL = 10;

    /// <summary>The luminance reflectance of <see cref="MinCardL"/> (CIE 1976: Y = ((L* + 16) / 116)³).</summary>
    public static readonly double MinCardReflectance = Math.Round(Math.Pow((MinCardL + 16) / 116, 3), 4);

    /// <summary>Largest |a*| or |b*| accepted for a card's stated Lab (the usual CIELAB range).</summary>
    private const double MaxCardAb = 128;

    /// <summary>Smallest region side or area accepted, normalised (a region thinner than this is degenerate).</summary>
    private const double MinExtent = 1e-4;

    /// <summary>Tolerance on the 0..1 bounds for rounding in clients.</summary>
    private const double Slack = 1e-9;

    public static void Validate(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var regions = options.Regions;
        if (regions is not null)
        {
            if ((regions.Hair is null) != (regions.Skin is null))
            {
                throw ProblemException.BadRequest("regions.incomplete", "Give both hair and skin regions, or neither.",
                    "Hair is separated from the skin showing between hairs, so both regions are needed; send no regions for auto.");
            }

            Check(regions.Hair, "hair");
            Check(regions.Skin, "skin");
            Check(regions.Reference, "reference");
        }

        ValidateReference(options);
    }

    /// <summary>The region's outline as a normalised polygon (a rect becomes four corners).</summary>
    public static IReadOnlyList<(double X, double Y)> ToPolygon(RegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Rect is { } r)
        {
            return [(r[0], r[1]), (r[0] + r[2], r[1]), (r[0] + r[2], r[1] + r[3]), (r[0], r[1] + r[3])];
        }

        return region.Polygon!.Select(p => (p[0], p[1])).ToList();
    }

    private static void Check(RegionSpec? region, string name)
    {
        if (region is null)
        {
            return;
        }

        if ((region.Rect is null) == (region.Polygon is null))
        {
            throw Invalid(name, "give exactly one of 'rect' [x, y, w, h] or 'polygon' [[x, y], ...]");
        }

        if (region.Rect is { } r)
        {
            if (r.Count != 4 || r.Any(v => !double.IsFinite(v)))
            {
                throw Invalid(name, "'rect' must be four finite numbers [x, y, w, h]");
            }

            if (r[2] < MinExtent || r[3] < MinExtent)
            {
                throw Invalid(name, "the rectangle has no area");
            }

            if (r[0] < -Slack || r[1] < -Slack || r[0] + r[2] > 1 + Slack || r[1] + r[3] > 1 + Slack)
            {
                throw Invalid(name, "the rectangle reaches outside the image (coordinates are 0..1)");
            }

            return;
        }

        var points = region.Polygon!;
        if (points.Count < 3 || points.Any(p => p is null || p.Count != 2 || !double.IsFinite(p[0]) || !double.IsFinite(p[1])))
        {
            throw Invalid(name, "'polygon' needs at least three [x, y] points of finite numbers");
        }

        if (points.Any(p => p[0] < -Slack || p[0] > 1 + Slack || p[1] < -Slack || p[1] > 1 + Slack))
        {
            throw Invalid(name, "a polygon point lies outside the image (coordinates are 0..1)");
        }

        if (Math.Abs(Geometry.SignedArea(ToPolygon(region))) < MinExtent * MinExtent)
        {
            throw Invalid(name, "the polygon has no area");
        }
    }

    private static void ValidateReference(AnalysisOptions options)
    {
        var reference = options.Reference;
        if (reference is null)
        {
            return;
        }

        string type = reference.Type ?? ReferenceTypes.None;
        if (!ReferenceTypes.All.Contains(type, StringComparer.Ordinal))
        {
            throw ProblemException.BadRequest("reference.unknown_type", "Unknown reference type.",
                $"'{type}' is not one of: {string.Join(", ", ReferenceTypes.All)}.");
        }

        if (type == ReferenceTypes.GreyCard)
        {
            if (options.Regions?.Reference is null)
            {
                throw ProblemException.BadRequest("reference.region_missing", "A grey card needs its region.",
                    "Give regions.reference around the grey card.");
            }

            if (reference.Reflectance is { } k && !(k >= MinCardReflectance && k <= 1))
            {
                throw ProblemException.BadRequest("reference.invalid", "The grey card reflectance must be between 0.0113 and 1.",
                    FormattableString.Invariant($"reference.reflectance is {k}; an 18 % card is 0.18, and a card darker than L* {MinCardL} (reflectance 0.0113) is too dark to balance on."));
            }

            if (reference.Lab is { } lab && !(double.IsFinite(lab.L) && double.IsFinite(lab.A) && double.IsFinite(lab.B)
                && lab.L >= MinCardL && lab.L <= 100 && Math.Abs(lab.A) <= MaxCardAb && Math.Abs(lab.B) <= MaxCardAb))
            {
                throw ProblemException.BadRequest("reference.invalid", "The grey card Lab must be finite with 10 ≤ L* ≤ 100 and |a*|, |b*| ≤ 128.",
                    "reference.lab must be the card's stated CIELAB (D65), e.g. {\"l\": 50, \"a\": 0, \"b\": 0}; a card darker than L* 10 is too dark to balance on.");
            }
        }

        if (reference.Camera is { } camera)
        {
            if (type != ReferenceTypes.GreyCard)
            {
                throw ProblemException.BadRequest("reference.camera_invalid", "A camera calibration goes with a grey card.",
                    "reference.camera is the calibration a chart answer returned; send it with reference.type 'greyCard' (a chart calibrates itself).");
            }

            if (camera.Problem() is { } problem)
            {
                throw ProblemException.BadRequest("reference.camera_invalid", "The camera calibration is malformed.",
                    $"reference.camera: {problem}. Send back the reference.camera of a chart answer unchanged.");
            }
        }

        if (type == ReferenceTypes.ColorChecker24)
        {
            // No corners: the service finds the chart itself (ChartFinder); given corners must be four points.
            var corners = reference.Corners;
            if (corners is not null && (corners.Count != 4
                || corners.Any(p => p is null || p.Count != 2 || !double.IsFinite(p[0]) || !double.IsFinite(p[1])
                    || p[0] < -Slack || p[0] > 1 + Slack || p[1] < -Slack || p[1] > 1 + Slack)))
            {
                throw ProblemException.BadRequest("reference.corners_invalid", "A ColorChecker needs exactly four corners.",
                    "Give 'corners' as four [x, y] points (0..1): the outer corners of the patch area, dark-skin corner first, clockwise; or leave them out to have the chart found.");
            }
        }
    }

    private static ProblemException Invalid(string name, string why) =>
        ProblemException.BadRequest("region.invalid", $"The {name} region is invalid.", $"regions.{name}: {why}.");
}
