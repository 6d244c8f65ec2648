using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;
using SmpShade.Colour;

namespace SmpShade.Api.Outcomes;

/// <summary>Records outcomes with their physics prediction, lists them, and tells the background trainer.</summary>
public sealed class OutcomeService(
    SmpShadeDbContext db, CatalogueStore catalogue, OutcomePhysics physics, TrainingSignal queue, IOptions<HealedToneLearningOptions> options, TimeProvider time)
{
    /// <summary>
    /// 429 <c>outcome.rate_limited</c> with Retry-After when <paramref name="keyId"/> recorded
    /// <see cref="HealedToneLearningOptions.MaxOutcomesPerKeyPerHour"/> outcomes in the last hour (ids rise with time).
    /// </summary>
    public async Task EnsureWithinRateAsync(string keyId, CancellationToken cancellationToken)
    {
        int limit = options.Value.MaxOutcomesPerKeyPerHour;
        if (limit == 0)
        {
            return;
        }

        var recent = await db.Set<Outcome>().AsNoTracking().Where(o => o.RecordedByKeyId == keyId).OrderByDescending(o => o.Id).Take(limit)
            .Select(o => o.RecordedAt).ToListAsync(cancellationToken);
        HourlyLimit.Ensure(recent, limit, time.GetUtcNow(), "outcome.rate_limited", "Too many outcomes from this key this hour.",
            "outcomes per key per hour (HealedToneLearning:MaxOutcomesPerKeyPerHour)");
    }

    /// <summary>Stores an outcome; an unknown pigment is a 404 problem (<see cref="CatalogueStore.FindPigmentAsync"/>).</summary>
    public async Task<Outcome> RecordAsync(OutcomePlan plan, Lab skin, Lab healed, string measurement, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pigment = await catalogue.FindPigmentAsync(plan.Supplier, plan.Sku, plan.CatalogueVersion, cancellationToken);
        var f = physics.Predict(pigment, skin, plan.WaterParts, plan.Months);
        var outcome = new Outcome
        {
            RecordedAt = time.GetUtcNow(),
            RecordedByKeyId = keyId,
            Supplier = pigment.Supplier,
            Sku = pigment.Sku,
            CatalogueVersion = pigment.Version,
            WaterParts = plan.WaterParts,
            SkinL = skin.L,
            SkinA = skin.A,
            SkinB = skin.B,
            MonthsSinceTreatment = plan.Months,
            HealedL = healed.L,
            HealedA = healed.A,
            HealedB = healed.B,
            InkL = f.Ink.L,
            InkA = f.Ink.A,
            InkB = f.Ink.B,
            PhysicsL = f.Physics.L,
            PhysicsA = f.Physics.A,
            PhysicsB = f.Physics.B,
            PhysicsModel = physics.ModelName,
            Notes = plan.Notes,
            Source = "clinic",
            Measurement = measurement,
        };
        db.Set<Outcome>().Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        queue.OutcomeRecorded();
        return outcome;
    }

    /// <summary>One page, newest first, optionally one supplier's and one sku's.</summary>
    public async Task<(IReadOnlyList<Outcome> Items, int Total)> ListAsync(string? supplier, string? sku, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.Set<Outcome>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(supplier))
        {
            string s = supplier.Trim();
            query = query.Where(o => o.Supplier == s);
        }

        if (!string.IsNullOrWhiteSpace(sku))
        {
            string k = sku.Trim();
            query = query.Where(o => o.Sku == k);
        }

        int total = await query.CountAsync(cancellationToken);
        // Ids rise with time (SQLite cannot order by DateTimeOffset).
        var items = await query.OrderByDescending(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<Outcome?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Outcome>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
}
