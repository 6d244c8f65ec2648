using Microsoft.AspNetCore.Http.HttpResults;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Matching;

/// <summary><c>POST /api/v1/matches</c>: rank the catalogue's pigments by their predicted healed colour.</summary>
public static class MatchEndpoints
{
    /// <summary>Maps the matching routes.</summary>
    public static RouteGroupBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/matches").WithTags("Matching");
        group.MapPost("/", MatchAsync)
            .WithName("Match")
            .WithSummary("Rank pigments × dilutions by how close they heal to the target on this skin")
            .WithDescription("JSON with measured skinLab and hairLab (or targetLab in custom mode). Every Lab is D65 / 2°.")
            .Accepts<MatchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>Validates the request at the boundary and runs the match.</summary>
    public static async Task<Results<Ok<MatchResponse>, ProblemHttpResult>> MatchAsync(
        MatchRequest request, MatchService matches, CancellationToken cancellationToken)
    {
        var plan = MatchValidation.Validate(request, out var problem);
        if (plan is null)
        {
            return problem!;
        }

        try
        {
            return TypedResults.Ok(await matches.MatchAsync(plan, cancellationToken));
        }
        catch (PigmentSourceException e)
        {
            return Problems.NotFound(e.Code, "Catalogue not found", e.Message);
        }
    }
}
