using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmpShade.Api.Data;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Catalogue;

/// <summary>
/// Stores a validated catalogue as the supplier's next version, in one transaction: a crash or a failure leaves
/// the previous version current and complete. Racing imports for one supplier are kept consistent by the unique
/// (supplier, number) index: the loser of a race rolls back and retries with the next number. On PostgreSQL they
/// also queue on the supplier's row lock, so across replicas versions stay consecutive without retries.
/// </summary>
public sealed class CatalogueImporter(SmpShadeDbContext db, TimeProvider time, CatalogueImportGate gate, IOptions<CatalogueOptions> options,
    LocalWrites writes, ILogger<CatalogueImporter> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>Stores the pigments as a new version and returns its number.</summary>
    /// <exception cref="ProblemException">503 <c>catalogue.busy</c>: the database stayed locked by another writer past its busy timeout.</exception>
    /// <exception cref="ProblemException">429 <c>catalogue.rate_limited</c>: the supplier stored <see cref="CatalogueOptions.MaxVersionsPerHour"/> versions in the last hour.</exception>
    public async Task<int> ImportAsync(string supplierSlug, IReadOnlyList<ParsedPigment> pigments, string sourceFormat,
        string loadedByKeyId, CancellationToken cancellationToken, string specularComponent = SpecularComponent.Default)
    {
        // SQLite: one import at a time in this process; racing writers otherwise wait on the file lock only as long as
        // the busy timeout, and a few large imports at once failed with "database is locked" (a 500) instead of queueing.
        // PostgreSQL needs no gate: imports of one supplier queue on its row lock (below), others run side by side.
        bool gated = db.Database.IsSqlite();
        if (gated)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return await StoreAsync(supplierSlug, pigments, sourceFormat, loadedByKeyId, specularComponent, cancellationToken);
        }
        catch (SqliteException locked) when (locked.SqliteErrorCode is SQLiteBusy or SQLiteLocked)
        {
            // Another process holds the file (a second instance, a backup): nothing was written; the caller may retry.
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "catalogue.busy", "The catalogue store is busy.",
                "The database is busy with another write; nothing was stored. Try again shortly.") { RetryAfterSeconds = 5 };
        }
        finally
        {
            if (gated)
            {
                gate.Release();
            }
        }
    }

    private const int SQLiteBusy = 5, SQLiteLocked = 6; // sqlite3.h result codes

    private async Task<int> StoreAsync(string supplierSlug, IReadOnlyList<ParsedPigment> pigments, string sourceFormat,
        string loadedByKeyId, string specularComponent, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, so a second writer waits here for the first.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Set just before the first write: a refusal before it (the hourly limit's 429) wrote nothing, so matches
            // keep what they read (MatchInputs); over-limit imports in a loop must not make every match read again.
            bool writing = false;
            try
            {
                var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Slug == supplierSlug, cancellationToken);
                if (supplier is null)
                {
                    supplier = new Supplier { Slug = supplierSlug, CreatedAt = time.GetUtcNow() };
                    db.Suppliers.Add(supplier);
                    writing = true;
                    await db.SaveChangesAsync(cancellationToken);
                }
                else if (db.Database.IsNpgsql())
                {
                    // Imports of one supplier (from any replica) take turns here, so each numbers its version from the
                    // last committed one instead of colliding and retrying; other suppliers' imports are not held.
                    await db.Database.ExecuteSqlAsync($"SELECT 1 FROM suppliers WHERE \"Id\" = {supplier.Id} FOR UPDATE", cancellationToken);
                }

                await EnsureWithinHourlyLimitAsync(supplier.Id, cancellationToken);
                int current = await db.CatalogueVersions.Where(v => v.SupplierId == supplier.Id)
                    .MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
                var version = new CatalogueVersion
                {
                    SupplierId = supplier.Id,
                    Number = current + 1,
                    LoadedByKeyId = loadedByKeyId,
                    LoadedAt = time.GetUtcNow(),
                    RowCount = pigments.Count,
                    SourceFormat = sourceFormat,
                    SpecularComponent = specularComponent,
                };
                version.Pigments.AddRange(pigments.Select(ToEntity));
                db.CatalogueVersions.Add(version);
                writing = true;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return version.Number;
            }
            catch (DbUpdateException error) when (attempt < MaxAttempts)
            {
                // Most likely another import took this number (or created the supplier) first: try again.
                await transaction.RollbackAsync(CancellationToken.None);
                logger.LogInformation(error, "Catalogue import for {Supplier} collided (attempt {Attempt}); retrying", supplierSlug, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
            finally
            {
                if (writing)
                {
                    // Matches on SQLite reuse what they read until this moves (MatchInputs).
                    writes.Count();
                }
            }
        }
    }

    /// <summary>
    /// The limit counts the supplier's versions stored in the last hour, from the database, so it holds across
    /// replicas (<see cref="HourlyLimit"/>). Versions are numbered in time order, so the newest are the last few numbers.
    /// </summary>
    private async Task EnsureWithinHourlyLimitAsync(int supplierId, CancellationToken cancellationToken)
    {
        int limit = options.Value.MaxVersionsPerHour;
        if (limit == 0)
        {
            return;
        }

        var recent = await db.CatalogueVersions.AsNoTracking().Where(v => v.SupplierId == supplierId)
            .OrderByDescending(v => v.Number).Take(limit).Select(v => v.LoadedAt).ToListAsync(cancellationToken);
        HourlyLimit.Ensure(recent, limit, time.GetUtcNow(), "catalogue.rate_limited", "Too many catalogue versions this hour.",
            "catalogue versions per supplier per hour (Catalogue:MaxVersionsPerHour)");
    }

    private static Pigment ToEntity(ParsedPigment p) => new()
    {
        Sku = p.Sku,
        Name = p.Name,
        Line = p.Line,
        Base = p.Base,
        L = p.Lab.L,
        A = p.Lab.A,
        B = p.Lab.B,
        MeasuredIlluminant = p.MeasuredIlluminant,
        MeasuredObserver = p.MeasuredObserver,
        MeasuredL = p.MeasuredLab.L,
        MeasuredA = p.MeasuredLab.A,
        MeasuredB = p.MeasuredLab.B,
        WaterParts = p.WaterParts,
        Reflectance = p.Reflectance,
        Scattering = p.Scattering,
    };
}

/// <summary>Serialises SQLite catalogue imports within the process (PostgreSQL imports do not use it). Singleton.</summary>
public sealed class CatalogueImportGate : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => semaphore.WaitAsync(cancellationToken);

    public void Release() => semaphore.Release();

    public void Dispose() => semaphore.Dispose();
}
