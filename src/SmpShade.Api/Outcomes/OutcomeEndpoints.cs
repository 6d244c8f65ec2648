using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Auth;
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
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/", ListAsync).WithName("ListOutcomes").WithSummary("Recorded outcomes, newest first, paged; filter by supplier and sku")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", GetAsync).WithName("GetOutcome").WithSummary("One recorded outcome")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>JSON reading for the body and the multipart <c>outcome</c> part: web names, unknown fields and NaN refused.</summary>
    private static readonly JsonSerializerOptions Json = AnalysisForm.JsonOptions;

    private const string InvalidJson = "request.invalid_json";

    public static async Task<Results<Created<OutcomeResponse>, ProblemHttpResult>> RecordAsync(
        HttpContext context, OutcomeService outcomes, PhotoAnalyzer analyzer, CancellationToken cancellationToken)
    {
        string keyId = context.GetCaller()!.KeyId;
        // Before the body is read: a key past its hourly limit costs no upload and no photo work.
        await outcomes.EnsureWithinRateAsync(keyId, cancellationToken);
        if (context.Request.HasFormContentType)
        {
            return await RecordFromPhotoAsync(context, outcomes, analyzer, keyId, cancellationToken);
        }

        if (!context.Request.HasJsonContentType())
        {
            throw UnsupportedMediaType.Problem(context.Request, "application/json", "multipart/form-data");
        }

        var request = await RequestJson.ReadBodyAsync<OutcomeRequest>(context.Request, Json, InvalidJson,
            "The request body is not valid JSON for an outcome.", cancellationToken);
        var plan = OutcomeValidation.Validate(request, fromPhoto: false, out var problem);
        if (plan is null)
        {
            return problem!;
        }

        var stored = await outcomes.RecordAsync(plan, plan.Skin!.Value, plan.Healed!.Value, OutcomeMeasurements.Entered, keyId, cancellationToken);
        return TypedResults.Created($"/api/v1/outcomes/{stored.Id}", OutcomeResponse.From(stored));
    }

    private static async Task<Results<Created<OutcomeResponse>, ProblemHttpResult>> RecordFromPhotoAsync(
        HttpContext context, OutcomeService outcomes, PhotoAnalyzer analyzer, string keyId, CancellationToken cancellationToken)
    {
        var form = await analyzer.ReadUploadAsync(context, "outcome", cancellationToken);
        var request = RequestJson.Parse<OutcomeRequest>(form.Part, Json, InvalidJson, "The outcome part is not valid JSON for an outcome.");
        var plan = OutcomeValidation.Validate(request, form.Options, out var problem);
        if (plan is null)
        {
            return problem!;
        }

        var analysis = await analyzer.AnalyzeAsync(form.Photo, form.Options, cancellationToken);
        var stored = await outcomes.RecordAsync(plan, analysis.Skin.Lab.ToLab(), analysis.Hair.Lab.ToLab(), OutcomeMeasurements.Photo, keyId, cancellationToken);
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
        if (PageRequest.Validate(page, pageSize, MaxPageSize, "outcome.paging_invalid", out var problem) is not { } paging)
        {
            return problem!;
        }

        var (items, total) = await outcomes.ListAsync(supplier, sku, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new OutcomePage([.. items.Select(o => OutcomeResponse.From(o))], total, paging.Page, paging.PageSize));
    }

    /// <summary>One recorded outcome.</summary>
    /// <param name="id">The outcome's id, as the 201 answer gave it.</param>
    /// <param name="outcomes">The outcome store.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> GetAsync(
        long id, OutcomeService outcomes, CancellationToken cancellationToken)
    {
        var outcome = await outcomes.FindAsync(id, cancellationToken);
        return outcome is null
            ? Problems.NotFound("outcome.not_found", "No outcome has that id.")
            : TypedResults.Ok(OutcomeResponse.From(outcome));
    }
}
