using Dangjian.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dangjian.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the context for this provider's migrations without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DangjianDbContext>
{
    public DangjianDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, DatabaseProvider.Postgres, DesignTimeConnectionString);
        return new DangjianDbContext(options.Options);
    }

    private const string DesignTimeConnectionString = "Host=127.0.0.1;Database=design_time;Username=postgres";
}
