using Dangjian.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli;

/// <summary>
/// Opens the same database the web app uses, from the same settings: Database__Provider and
/// ConnectionStrings__Dangjian, or the --provider/--connection options, which win.
/// </summary>
internal static class Database
{
    public static DangjianDbContext Open(string? provider, string? connection)
    {
        var p = provider ?? Environment.GetEnvironmentVariable("Database__Provider") ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var parsed))
        {
            throw new ArgumentException($"Unknown provider '{p}': use Sqlite or Postgres.");
        }

        var cs = DangjianDatabase.ConnectionStringOrDefault(parsed, connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__Dangjian"));
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, parsed, cs);
        return DangjianDbContext.Create(options.Options, new Data.Audit.FixedAuditActor("cli"));
    }
}
