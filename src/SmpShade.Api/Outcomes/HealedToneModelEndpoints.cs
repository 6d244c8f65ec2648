using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Auth;
using SmpShade.Api.Data;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// <c>/api/v1/models/healed-tone</c> (admin): train the correction, see its versions and what is in force, promote a
/// version, roll back. Training never changes what matches use; only a promotion or a rollback does.
/// </summary>
public static class HealedToneModelEndpoints
{
    public static RouteGroupBuilder MapHealedToneModels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/models/healed-tone").WithTags("Models").RequireRoles(Roles.Admin);
        group.MapPost("/train", TrainAsync).WithName("TrainHealedToneModel")
            .WithSummary("Train the healed-tone correction on every outcome, with cross-validation against physics-only")
            .WithDescription("Stores a new version and says whether it beats physics-only by the margin. It is not put in force: "
                + "an admin promotes it (POST /api/v1/models/healed-tone/{version}/promote), unless HealedToneLearning:AutoPromote "
                + "is on and the automatic promotion rule passes it (its autoPromotion says why or why not).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", StateAsync).WithName("ListHealedToneModels")
            .WithSummary("The correction in force (who promoted it, when), the candidates, every version and the recent decisions")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{version:int}/promote", PromoteAsync).WithName("PromoteHealedToneModel")
            .WithSummary("Put a trained version in force for every match (a rollback when it is older than the one in force)")
            .WithDescription("The version must beat physics-only and be learnt against the physics in force. Every replica uses it "
                + "from its next request. Promoting the version already in force changes nothing.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/physics-only", PhysicsOnlyAsync).WithName("RollBackHealedToneModelToPhysicsOnly")
            .WithSummary("Roll back to physics-only: no correction is used by any match")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static async Task<Created<ModelVersionResponse>> TrainAsync(
        HttpContext context, HealedToneTraining training, SmpShadeDbContext db, CancellationToken cancellationToken)
    {
        var version = await training.TrainAsync(context.GetCaller()!.KeyId, cancellationToken);
        // In force only when the automatic promotion rule promoted it just now.
        bool active = await PromotedCorrection.InForceVersionAsync(db, cancellationToken) == version.Version;
        return TypedResults.Created("/api/v1/models/healed-tone", ModelVersionResponse.From(version, active, candidate: version.BeatsPhysics && !active));
    }

    public static async Task<Ok<ModelState>> StateAsync(HealedTonePromotions promotions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await promotions.StateAsync(cancellationToken));

    /// <summary>Puts a version in force.</summary>
    /// <param name="version">The trained version's number (as listed).</param>
    /// <param name="context">The request (its admin key id is recorded).</param>
    /// <param name="promotions">Promotions.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Ok<ModelState>> PromoteAsync(
        int version, HttpContext context, HealedTonePromotions promotions, CancellationToken cancellationToken)
    {
        await promotions.PromoteAsync(version, context.GetCaller()!.KeyId, cancellationToken);
        return TypedResults.Ok(await promotions.StateAsync(cancellationToken));
    }

    public static async Task<Ok<ModelState>> PhysicsOnlyAsync(
        HttpContext context, HealedTonePromotions promotions, CancellationToken cancellationToken)
    {
        await promotions.PhysicsOnlyAsync(context.GetCaller()!.KeyId, cancellationToken);
        return TypedResults.Ok(await promotions.StateAsync(cancellationToken));
    }
}
