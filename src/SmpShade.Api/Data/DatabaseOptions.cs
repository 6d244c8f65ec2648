namespace SmpShade.Api.Data;

/// <summary>Which database the service uses. Defaults need no configuration: SQLite in the app's data folder.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file when no connection string is given; default <c>App_Data</c> under the content root.</summary>
    public string? DataDirectory { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
