namespace SmpShade.Api.Data;

/// <summary>Which database the service uses. Defaults need no configuration: SQLite in the app's data folder.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file when no connection string is given; default <c>App_Data</c> under the content root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>What the service does with the schema on start (docs/operations.md, "Several replicas").</summary>
    public MigrateMode Migrate { get; set; } = MigrateMode.OnStart;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public enum MigrateMode
{
    /// <summary>Create or upgrade the schema, then serve (replicas starting together take turns).</summary>
    OnStart,

    /// <summary>Create or upgrade the schema and exit without serving: the one-off migration step of a deployment.</summary>
    Only,

    /// <summary>Never change the schema; refuse to start while a migration is pending.</summary>
    Never,
}
