using Dangjian.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dangjian.Web.Infrastructure;

/// <summary>/health/ready: the database answers.</summary>
public sealed class DatabaseHealthCheck(DangjianDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
