using Microsoft.AspNetCore.Http.HttpResults;

namespace SmpShade.Api.Infrastructure;

/// <summary>A page of a list: its number from 1 and its size.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>
    /// The page asked for (page 1 of <see cref="DefaultPageSize"/> by default), or a 400 problem with
    /// <paramref name="code"/> when page &lt; 1, pageSize is outside 1–<paramref name="maxPageSize"/>, or the offset
    /// (page - 1) × pageSize does not fit an int (it wrapped round to a negative skip and served page 1).
    /// </summary>
    public static PageRequest? Validate(int? page, int? pageSize, int maxPageSize, string code, out ProblemHttpResult? problem)
    {
        int p = page ?? 1, size = pageSize ?? DefaultPageSize;
        if (p < 1 || size < 1 || size > maxPageSize || (long)(p - 1) * size > int.MaxValue)
        {
            problem = Problems.BadRequest(code, "Bad paging.", $"page ≥ 1 and 1 ≤ pageSize ≤ {maxPageSize}.");
            return null;
        }

        problem = null;
        return new PageRequest(p, size);
    }
}
