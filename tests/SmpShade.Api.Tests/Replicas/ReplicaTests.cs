using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmpShade.Api.Tests.Data;
using static SmpShade.Api.Tests.Catalogue.CatalogueClient;

namespace SmpShade.Api.Tests.Replicas;

/// <summary>
/// Two real service processes (the built SmpShade.Api, <c>dotnet SmpShade.Api.dll</c> on two loopback ports) over one
/// real PostgreSQL: the deployment docs/operations.md describes ("Several replicas"). Each test has its own database.
/// </summary>
[Collection(ReplicaGroup.Name)]
public sealed class ReplicaTests
{
    private static readonly object Skin = new { l = 62.0, a = 9.0, b = 17.0 };
    private static readonly object Hair = new { l = 32.0, a = 3.0, b = 6.0 };

    [PostgresFact]
    public async Task Two_replicas_starting_together_create_the_schema_once_and_load_the_sample_once()
    {
        await using var database = new ReplicaDatabase();
        var (a, b) = await StartPairAsync(database);

        // Before the first-start lock both could load it, as versions 1 and 2; and both seeded the bootstrap key.
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM catalogue_versions"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM api_keys"));
        foreach (var replica in new[] { a, b })
        {
            var suppliers = await replica.Client.GetJsonAsync("/api/v1/suppliers");
            var sample = Assert.Single(suppliers.GetProperty("items").EnumerateArray());
            Assert.Equal("sample", sample.GetProperty("supplier").GetString());
            Assert.Equal(1, sample.GetProperty("currentVersion").GetInt32());
            Assert.False(replica.HasExited, replica.Output);
        }
    }

    [PostgresFact]
    public async Task The_schema_is_migrated_once_by_a_separate_step_and_replicas_set_never_to_migrate_refuse_an_old_schema()
    {
        await using var database = new ReplicaDatabase();
        var never = new Dictionary<string, string> { ["Database:Migrate"] = "Never" };
        var early = database.Start("too-early", never);
        Assert.NotEqual(0, await early.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        Assert.Contains("--Database:Migrate=Only", early.Output, StringComparison.Ordinal);

        var migrate = database.Start("migrate", extraArgument: "--Database:Migrate=Only");
        Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, migrate.Output);
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsHistory\"") > 0);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM suppliers")); // the step only migrates

        var replica = database.Start("replica", never);
        await replica.WaitReadyAsync();
        var suppliers = await replica.Client.GetJsonAsync("/api/v1/suppliers");
        Assert.Equal("sample", Assert.Single(suppliers.GetProperty("items").EnumerateArray()).GetProperty("supplier").GetString());
    }

    [PostgresFact]
    public async Task A_catalogue_imported_through_one_replica_is_matched_through_the_other_at_once()
    {
        await using var database = new ReplicaDatabase();
        var (a, b) = await StartPairAsync(database);
        string supplier = NewSupplier("rep");
        await (await a.Client.PutCsvAsync(supplier, Csv(Row("OLD-1"), Row("OLD-2")))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["OLD-1", "OLD-2"], Skus(await MatchAsync(b, supplier), version: 1));

        // B has this supplier's version 1 prepared in its cache now; A stores version 2.
        await (await a.Client.PutCsvAsync(supplier, Csv(Row("NEW-1"), Row("NEW-2"), Row("NEW-3")))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["NEW-1", "NEW-2", "NEW-3"], Skus(await MatchAsync(b, supplier), version: 2));
        var everyone = await MatchAsync(b, supplier: null);
        Assert.Contains(everyone.GetProperty("catalogue").EnumerateArray(),
            c => c.GetProperty("supplier").GetString() == supplier && c.GetProperty("version").GetInt32() == 2);
    }

    [PostgresFact]
    public async Task A_version_committed_after_a_newer_one_still_reaches_the_other_replicas_matches()
    {
        // On PostgreSQL ids are handed out at insert and committed in any order: a slow import that took a lower id
        // commits after a quicker one. The cache key was the highest version id, which that commit leaves unchanged.
        await using var database = new ReplicaDatabase();
        var (a, b) = await StartPairAsync(database);
        string slow = NewSupplier("slow"), quick = NewSupplier("quick");
        await (await a.Client.PutCsvAsync(slow, Csv(Row("S-1")))).ReadJsonAsync(HttpStatusCode.Created);

        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await StoreVersionDirectlyAsync(connection, transaction, slow, number: 2, sku: "S-2");
        await (await a.Client.PutCsvAsync(quick, Csv(Row("Q-1")))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Contains((slow, 1), Catalogues(await MatchAsync(b, supplier: null)));

        await transaction.CommitAsync();
        var after = Catalogues(await MatchAsync(b, supplier: null));
        Assert.Contains((slow, 2), after);
        Assert.Contains((quick, 1), after);
    }

    [PostgresFact]
    public async Task Imports_racing_on_both_replicas_end_as_consecutive_complete_versions()
    {
        await using var database = new ReplicaDatabase();
        var (a, b) = await StartPairAsync(database);
        string supplier = NewSupplier("race");
        var imports = Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? a : b).Client.PutCsvAsync(supplier, Csv([.. Enumerable.Range(0, 50 + (20 * i)).Select(r => Row($"F{i}-{r}"))])));
        var bodies = await Task.WhenAll((await Task.WhenAll(imports)).Select(r => r.ReadJsonAsync(HttpStatusCode.Created)));
        Assert.Equal(Enumerable.Range(1, 10), bodies.Select(x => x.GetProperty("version").GetInt32()).Order());
        Assert.Equal(0, await database.ScalarAsync<long>(IncompleteVersions));
    }

    [PostgresFact]
    public async Task Killing_a_replica_in_the_middle_of_an_import_loses_nothing_on_the_other_and_leaves_no_half_version()
    {
        await using var database = new ReplicaDatabase();
        var (a, b) = await StartPairAsync(database);
        string doomed = NewSupplier("doomed"), survivor = NewSupplier("survivor");
        await (await a.Client.PutCsvAsync(doomed, Csv(Row("D-1")))).ReadJsonAsync(HttpStatusCode.Created);

        // Hold pigment inserts, so A's import stops inside its transaction with its version row written, then kill A.
        await using (var holder = await database.OpenAsync())
        {
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockPigments = new Npgsql.NpgsqlCommand("LOCK TABLE pigments IN SHARE MODE", holder, hold))
            {
                await lockPigments.ExecuteNonQueryAsync();
            }

            var lost = a.Client.PutCsvAsync(doomed, Csv([.. Enumerable.Range(0, 200).Select(r => Row($"D2-{r}"))]));
            await database.WaitUntilBlockedAsync(a, TimeSpan.FromSeconds(60));
            Assert.Equal(1, await database.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + a.Name + "' AND xact_start IS NOT NULL AND wait_event_type = 'Lock'"));
            var kept = b.Client.PutCsvAsync(survivor, Csv(Row("K-1"), Row("K-2")));
            a.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => lost);
            await hold.RollbackAsync();
            Assert.Equal(1, (await (await kept).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("version").GetInt32());
        }

        // The killed import left nothing: its version number is free and the next import on B takes it, complete.
        var versions = await b.Client.GetJsonAsync($"/api/v1/suppliers/{doomed}/catalogue/versions");
        Assert.Equal([1], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var next = await (await b.Client.PutCsvAsync(doomed, Csv(Row("D-3")))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, next.GetProperty("version").GetInt32());
        Assert.Equal(0, await database.ScalarAsync<long>(IncompleteVersions));
        Assert.Equal(["K-1", "K-2"], Skus(await MatchAsync(b, survivor), version: 1));
    }

    [PostgresFact]
    public async Task An_import_held_up_on_one_supplier_does_not_hold_up_another_suppliers_import_on_the_same_replica()
    {
        // The in-process import gate (needed for SQLite's single writer, CatalogueRaceTests) queued every import
        // behind the held one; on PostgreSQL only imports of the same supplier need to take turns.
        await using var database = new ReplicaDatabase();
        var (a, _) = await StartPairAsync(database);
        string held = NewSupplier("held"), free = NewSupplier("free");
        await (await a.Client.PutCsvAsync(held, Csv(Row("H-1")))).ReadJsonAsync(HttpStatusCode.Created);

        await using var holder = await database.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM suppliers WHERE \"Slug\" = @slug FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue("slug", held);
            await lockRow.ExecuteNonQueryAsync();
        }

        var waiting = a.Client.PutCsvAsync(held, Csv(Row("H-2")));
        await database.WaitUntilBlockedAsync(a, TimeSpan.FromSeconds(60));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/suppliers/{free}/catalogue")
            {
                Content = new StringContent(Csv(Row("F-1")), System.Text.Encoding.UTF8, "text/csv"),
            };
            request.Headers.Add("X-Api-Key", Infrastructure.TestKeys.Admin);
            var response = await a.Client.SendAsync(request, timeout.Token);
            Assert.Equal(1, (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("version").GetInt32());
        }

        Assert.False(waiting.IsCompleted, "the held supplier's import should still be waiting for the row lock");
        await hold.CommitAsync();
        Assert.Equal(2, (await (await waiting).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("version").GetInt32());
    }

    /// <summary>Versions whose stored pigments differ from the row count the import recorded (a half import).</summary>
    private const string IncompleteVersions =
        "SELECT count(*) FROM catalogue_versions v WHERE v.\"RowCount\" <> (SELECT count(*) FROM pigments p WHERE p.\"VersionId\" = v.\"Id\")";

    private static async Task<(ServiceProcess A, ServiceProcess B)> StartPairAsync(ReplicaDatabase database)
    {
        var replicas = await database.StartReadyAsync("replica-a", "replica-b");
        return (replicas[0], replicas[1]);
    }

    private static async Task<JsonElement> MatchAsync(ServiceProcess replica, string? supplier)
    {
        var response = await replica.Client.PostAsJsonAsync("/api/v1/matches", new { skinLab = Skin, hairLab = Hair, supplier, top = 100 });
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    private static string[] Skus(JsonElement match, int version)
    {
        var pigments = match.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("pigment")).ToList();
        Assert.All(pigments, p => Assert.Equal(version, p.GetProperty("version").GetInt32()));
        return [.. pigments.Select(p => p.GetProperty("sku").GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }

    private static List<(string, int)> Catalogues(JsonElement match) =>
        [.. match.GetProperty("catalogue").EnumerateArray().Select(c => (c.GetProperty("supplier").GetString()!, c.GetProperty("version").GetInt32()))];

    /// <summary>
    /// What a slow import on a third replica does inside its transaction: a version row, then one pigment (a copy of the
    /// supplier's first pigment under a new sku, every other column as stored).
    /// </summary>
    private static async Task StoreVersionDirectlyAsync(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction,
        string supplier, int number, string sku)
    {
        const string Version = """
            INSERT INTO catalogue_versions ("SupplierId", "Number", "LoadedByKeyId", "LoadedAt", "RowCount", "SourceFormat")
            SELECT s."Id", @number, 'test', now(), 1, 'csv' FROM suppliers s WHERE s."Slug" = @supplier RETURNING "Id"
            """;
        int versionId;
        await using (var insert = new Npgsql.NpgsqlCommand(Version, connection, transaction))
        {
            insert.Parameters.AddWithValue("number", number);
            insert.Parameters.AddWithValue("supplier", supplier);
            versionId = (int)(await insert.ExecuteScalarAsync())!;
        }

        var columns = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'pigments' AND column_name NOT IN ('Id', 'VersionId', 'Sku')",
            connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add($"\"{reader.GetString(0)}\"");
            }
        }

        string pigment = $"""
            INSERT INTO pigments ("VersionId", "Sku", {string.Join(", ", columns)})
            SELECT @version, @sku, {string.Join(", ", columns.Select(c => "p." + c))} FROM pigments p
            JOIN catalogue_versions v ON v."Id" = p."VersionId" JOIN suppliers s ON s."Id" = v."SupplierId"
            WHERE s."Slug" = @supplier AND v."Number" = 1 LIMIT 1
            """;
        await using var copy = new Npgsql.NpgsqlCommand(pigment, connection, transaction);
        copy.Parameters.AddWithValue("version", versionId);
        copy.Parameters.AddWithValue("sku", sku);
        copy.Parameters.AddWithValue("supplier", supplier);
        Assert.Equal(1, await copy.ExecuteNonQueryAsync());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaGroup
{
    public const string Name = "replicas";
}
