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

    /// <summary>Used when no connection string is configured: a file under ./data, made on first start.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/dangjian.db";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
}
