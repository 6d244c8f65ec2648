namespace SmpShade.Colour.Healing;

/// <summary>
/// A loop over wavelengths that fans out over the cores only when the thread pool has nothing waiting. On an idle
/// host one match's skin is solved on every core; on a busy one (a burst of matches) every core already runs a
/// request, and fanning out only adds hand-offs, waits and pool threads (issue 15 profiled 16 concurrent matches on
/// two cores: about a third of their CPU time went to <see cref="Parallel"/>'s bookkeeping and blocked waits).
/// </summary>
internal static class LoadAwareParallel
{
    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1, in parallel only on an idle pool.</summary>
    public static void For(int count, Action<int> body)
    {
        if (Environment.ProcessorCount > 1 && ThreadPool.PendingWorkItemCount == 0)
        {
            Parallel.For(0, count, body);
            return;
        }

        for (int i = 0; i < count; i++)
        {
            body(i);
        }
    }
}
