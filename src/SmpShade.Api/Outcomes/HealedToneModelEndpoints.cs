using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Auth;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Api.Matching;

namespace SmpShade.Api.Outcomes;

/// <summary><c>/api/v1/models/healed-tone</c>: train the correction and see its versions (admin).</summary>
public static class HealedToneModelEndpoints
{
    public static RouteGroupBuilder MapHealedToneModels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/models/healed-tone").WithTags("Models").RequireRoles(Roles.Admin);
        group.MapPost("/train", TrainAsync).WithName("TrainHealedToneModel")
            .WithSummary("Train the healed-tone correction on every outcome, with cross-validation against physics-only")
            .WithDescription("Stores a new version; it is put in force only when its cross-validated ΔE00 beats physics-only by the margin.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListHealedToneModels").WithSummary("Versions with their cross-validated ΔE00, and which one is in force")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static async Task<Created<ModelVersionResponse>> TrainAsync(
        HttpContext context, HealedToneTraining training, CancellationToken cancellationToken)
    {
        var version = await training.TrainAsync(context.GetCaller()!.KeyId, cancellationToken);
        return TypedResults.Created("/api/v1/models/healed-tone", ModelVersionResponse.From(version));
    }

    public static async Task<Ok<ModelVersionList>> ListAsync(
        SmpShadeDbContext db, ActiveHealedToneCorrection active, CancellationToken cancellationToken)
    {
        var versions = await db.Set<HealedToneModelVersion>().AsNoTracking().OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ModelVersionList([.. versions.Select(ModelVersionResponse.From)],
            active.Current?.Version ?? ActiveHealedToneCorrection.PhysicsOnly));
    }
}
