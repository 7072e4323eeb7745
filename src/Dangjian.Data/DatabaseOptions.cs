namespace Dangjian.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Database" settings section: which provider carries the data.</summary>
public sealed record DatabaseOptions
{
    public const string Section = "Database";

    public const string ConnectionStringName = "Dangjian";

    /// <summary>
    /// The folder of the SQLite file used when no connection string is configured: dangjian under the user's local
    /// application data (~/.local/share/dangjian, or $XDG_DATA_HOME/dangjian, on Linux; %LOCALAPPDATA%\dangjian on
    /// Windows). The web app and the `dangjian` command both resolve it here, so they find the same file whichever
    /// folder each is started from (`dotnet run --project` runs from the project's folder, a shell from anywhere), and
    /// the data stays outside the source tree. Only where the system names no such folder (no home) does the
    /// folder `data` under the current one stand in.
    /// </summary>
    public static string DefaultDataFolder
    {
        get
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return string.IsNullOrEmpty(local) ? Path.GetFullPath("data") : Path.Combine(local, "dangjian");
        }
    }

    /// <summary>Used when no connection string is configured: dangjian.db in <see cref="DefaultDataFolder"/>, made on first start.</summary>
    public static string DefaultSqliteConnectionString =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(DefaultDataFolder, "dangjian.db") }.ToString();

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
}
