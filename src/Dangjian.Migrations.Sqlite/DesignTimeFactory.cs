using Dangjian.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dangjian.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the context for this provider's migrations without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DangjianDbContext>
{
    public DangjianDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, DatabaseProvider.Sqlite, DesignTimeConnectionString);
        return new DangjianDbContext(options.Options);
    }

    private const string DesignTimeConnectionString = "Data Source=design-time.db";
}
