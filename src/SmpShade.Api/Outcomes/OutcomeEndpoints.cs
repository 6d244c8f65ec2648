using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Auth;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Photos;

namespace SmpShade.Api.Outcomes;

/// <summary><c>/api/v1/outcomes</c>: record and list healed results (clinic or admin keys).</summary>
public static class OutcomeEndpoints
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapOutcomes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outcomes").WithTags("Outcomes").RequireRoles(Roles.Clinic, Roles.Admin);
        group.MapPost("/", RecordAsync)
            .WithName("RecordOutcome")
            .WithSummary("Record a healed result: pigment, dilution, skin, months, healed colour (or a follow-up photo)")
            .WithDescription("JSON (OutcomeRequest), or multipart/form-data with a 'photo', an 'options' part as for analyses "
                + "(regions.hair = the healed dots, regions.skin = the skin around them; both required) and an 'outcome' JSON part "
                + "without skinLab/healedLab. The photo is measured and dropped, never stored. Answers with the physics prediction.")
            .Accepts<OutcomeRequest>("application/json", "multipart/form-data")
            .AcceptsPhotoForm("outcome", typeof(OutcomeRequest), "The outcome without skinLab and healedLab (both measured from the photo: "
                + "options.regions.hair = the healed dots, options.regions.skin = the skin around them, both required).")
            .DisableAntiforgery()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415)
            .ProducesProblem(422).ProducesProblem(503);
        group.MapGet("/", ListAsync).WithName("ListOutcomes").WithSummary("Recorded outcomes, newest first, paged; filter by supplier and sku")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/{id:long}", GetAsync).WithName("GetOutcome").WithSummary("One recorded outcome")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        return group;
    }

    /// <summary>JSON reading for the body and the multipart <c>outcome</c> part: web names, unknown fields and NaN refused.</summary>
    private static readonly JsonSerializerOptions Json = AnalysisForm.JsonOptions;

    public static async Task<Results<Created<OutcomeResponse>, ProblemHttpResult>> RecordAsync(
        HttpContext context, OutcomeService outcomes, PhotoAnalyzer analyzer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(analyzer);
        string keyId = context.GetCaller()!.KeyId;
        try
        {
            if (context.Request.HasFormContentType)
            {
                return await RecordFromPhotoAsync(context, outcomes, analyzer, keyId, cancellationToken);
            }

            if (!context.Request.HasJsonContentType())
            {
                return Problems.Create(415, "request.unsupported_media_type", "Send JSON or multipart/form-data",
                    "An outcome is an application/json body, or multipart/form-data with a photo.");
            }

            OutcomeRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync<OutcomeRequest>(Json, cancellationToken);
            }
            catch (JsonException error)
            {
                return Problems.BadRequest("request.invalid_json", "The request body is not valid JSON for an outcome.", error.Message);
            }

            var plan = OutcomeValidation.Validate(request, fromPhoto: false, out var problem);
            if (plan is null)
            {
                return problem!;
            }

            var stored = await outcomes.RecordAsync(plan, plan.Skin!.Value, plan.Healed!.Value, "entered", keyId, cancellationToken);
            return TypedResults.Created($"/api/v1/outcomes/{stored.Id}", OutcomeResponse.From(stored));
        }
        catch (CatalogueNotFoundException e)
        {
            return Problems.NotFound(e.Code, "Pigment not found", e.Message);
        }
        catch (PhotoRejectedException rejected)
        {
            return AnalysesEndpoints.ToProblem(context, rejected, analyzer.Options);
        }
    }

    private static async Task<Results<Created<OutcomeResponse>, ProblemHttpResult>> RecordFromPhotoAsync(
        HttpContext context, OutcomeService outcomes, PhotoAnalyzer analyzer, string keyId, CancellationToken cancellationToken)
    {
        using var slot = analyzer.Reserve(cancellationToken); // before the upload is buffered (PhotoAnalyzer.Reserve)
        var (photo, options) = await AnalysisForm.ReadAsync(context.Request, analyzer.Options, cancellationToken);
        var form = await context.Request.ReadFormAsync(cancellationToken); // already read: the cached form
        string? text = await AnalysisForm.JsonPartAsync(form, "outcome", cancellationToken);
        OutcomeRequest? request;
        try
        {
            request = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<OutcomeRequest>(text, Json);
        }
        catch (JsonException error)
        {
            return Problems.BadRequest("request.invalid_json", "The outcome part is not valid JSON for an outcome.", error.Message);
        }

        var plan = OutcomeValidation.Validate(request, fromPhoto: true, out var problem);
        if (plan is null)
        {
            return problem!;
        }

        // Guessed regions are fine for a first look, not for training data: the dots and the skin must be marked.
        if (options.Regions?.Hair is null || options.Regions.Skin is null)
        {
            return Problems.BadRequest("outcome.regions_required", "Mark the healed dots and the skin",
                "For an outcome photo, options.regions.hair (the healed dots area) and options.regions.skin (the skin around them) are required.");
        }

        var analysis = slot.Analyze(photo, options, cancellationToken);
        var stored = await outcomes.RecordAsync(plan, analysis.Skin.Lab.ToLab(), analysis.Hair.Lab.ToLab(), "photo", keyId, cancellationToken);
        return TypedResults.Created($"/api/v1/outcomes/{stored.Id}", OutcomeResponse.From(stored, analysis));
    }

    /// <summary>Recorded outcomes, newest first, paged.</summary>
    /// <param name="supplier">Only outcomes of this supplier's pigments (its slug).</param>
    /// <param name="sku">Only outcomes of this pigment sku.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Outcomes per page, 1–200 (default 50).</param>
    /// <param name="outcomes">The outcome store.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<Ok<OutcomePage>, ProblemHttpResult>> ListAsync(
        string? supplier, string? sku, int? page, int? pageSize, OutcomeService outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int p = page ?? 1, size = pageSize ?? 50;
        // The offset (page - 1) × pageSize must fit an int: past that it wrapped round to a negative skip and served page 1.
        if (p < 1 || size < 1 || size > MaxPageSize || (long)(p - 1) * size > int.MaxValue)
        {
            return Problems.BadRequest("outcome.paging_invalid", "Bad paging.", $"page ≥ 1 and 1 ≤ pageSize ≤ {MaxPageSize}.");
        }

        var (items, total) = await outcomes.ListAsync(supplier, sku, p, size, cancellationToken);
        return TypedResults.Ok(new OutcomePage([.. items.Select(o => OutcomeResponse.From(o))], total, p, size));
    }

    /// <summary>One recorded outcome.</summary>
    /// <param name="id">The outcome's id, as the 201 answer gave it.</param>
    /// <param name="outcomes">The outcome store.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> GetAsync(
        long id, OutcomeService outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var outcome = await outcomes.FindAsync(id, cancellationToken);
        return outcome is null
            ? Problems.NotFound("outcome.not_found", "No outcome has that id.")
            : TypedResults.Ok(OutcomeResponse.From(outcome));
    }
}
