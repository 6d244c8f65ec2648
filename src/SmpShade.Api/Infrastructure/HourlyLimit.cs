namespace SmpShade.Api.Infrastructure;

/// <summary>
/// A limit of so many events per caller in any hour, counted from what the database stored (so it holds across
/// replicas): the limit is reached when the limit-th newest event is under an hour old, and lifts when that one turns
/// an hour old. SQLite cannot compare DateTimeOffset in SQL, so callers read the newest <c>limit</c> timestamps and
/// this decides.
/// </summary>
public static class HourlyLimit
{
    /// <summary>
    /// 429 <paramref name="code"/> with Retry-After when <paramref name="newestFirst"/> (at most <paramref name="limit"/>
    /// timestamps, newest first) fills the hour; nothing when <paramref name="limit"/> is 0 (no limit).
    /// </summary>
    public static void Ensure(IReadOnlyList<DateTimeOffset> newestFirst, int limit, DateTimeOffset now, string code, string title, string what)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        if (limit == 0 || newestFirst.Count < limit || newestFirst[limit - 1] <= now.AddHours(-1))
        {
            return;
        }

        int wait = Math.Max(1, (int)Math.Ceiling((newestFirst[limit - 1].AddHours(1) - now).TotalSeconds));
        throw new ProblemException(StatusCodes.Status429TooManyRequests, code, title, $"At most {limit} {what}; the next is possible in {wait} s.",
            [new("retryAfterSeconds", wait)])
        {
            RetryAfterSeconds = wait,
        };
    }
}
