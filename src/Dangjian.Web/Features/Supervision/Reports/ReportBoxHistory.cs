using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Reports;

/// <summary>
/// Erasing the report box's history (举报, SUP-1; DESIGN.md "Secrecy"). A filing is written in a mixed batch with a
/// random key, but the box is seldom busy, so most batches hold one report, and until something erases it the
/// database's own files keep the order reports came in: SQLite's write-ahead log and free space, PostgreSQL's dead
/// tuples, each row's <c>xmin</c> and its place in the heap. A box that never closes cannot erase it at a close as a
/// ballot box does, so it is erased every night (<see cref="ReportBoxHistoryService"/>): on PostgreSQL every case gets
/// a new version in one transaction (all rows then carry one <c>xmin</c>); then <see cref="SecretTables"/> erases the
/// history — SQLite <c>VACUUM</c> and an emptied log (the table is <c>WITHOUT ROWID</c>, so its rows stand in the order
/// of their random keys), PostgreSQL <c>CLUSTER</c> by the random key (no dead tuple, no filing order left).
/// </summary>
public static class ReportBoxHistory
{
    public static Task EraseAsync(DangjianDbContext db, SecrecyOptions secrecy, CancellationToken ct) =>
        SecretTables.RewriteAndEraseAsync(db, secrecy, SecretTables.ReportBoxTables, async (w, c) =>
        {
            if (!w.Database.IsSqlite())
            {
                // Version set to itself: a concurrent staff step still sees the version it read, and no conflict arises.
                await w.ReportBoxCases.ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version), c);
            }
        }, ct);

    /// <summary>Whether a report was filed on or after <paramref name="since"/>: otherwise there is nothing new to erase.</summary>
    public static Task<bool> FiledSinceAsync(DangjianDbContext db, DateOnly since, CancellationToken ct) =>
        db.ReportBoxCases.AsNoTracking().AnyAsync(c => c.FiledOn >= since, ct);
}

/// <summary>
/// Runs <see cref="ReportBoxHistory.EraseAsync"/> every night at <see cref="SecrecyOptions.NightlyEraseAt"/> on the
/// organization's clock, when a report was filed since the day of the last run (on the first night, since yesterday).
/// While the database cannot yet erase (a long reader), it tries again every ten minutes that night.
/// </summary>
public sealed partial class ReportBoxHistoryService(
    IServiceScopeFactory scopes, SecrecyOptions secrecy, TimeProvider time, Domain.Common.OrgTimeZone zone, ILogger<ReportBoxHistoryService> log) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!secrecy.NightlyErase)
        {
            return;
        }

        var since = zone.DateOf(time.GetUtcNow()).AddDays(-1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var today = zone.DateOf(now);
            var next = zone.At(today, secrecy.NightlyEraseAt);
            if (next <= now)
            {
                next = zone.At(today.AddDays(1), secrecy.NightlyEraseAt);
            }

            await Task.Delay(next - now, time, stoppingToken);
            var night = zone.DateOf(time.GetUtcNow());
            for (var attempt = 0; attempt < 6 && !stoppingToken.IsCancellationRequested; attempt++)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
                    if (await ReportBoxHistory.FiledSinceAsync(db, since, stoppingToken))
                    {
                        await ReportBoxHistory.EraseAsync(db, secrecy, stoppingToken);
                        LogErased(log);
                    }

                    since = night;
                    break;
                }
                catch (SecretHistoryBusyException)
                {
                    LogBusy(log, Retry);
                    await Task.Delay(Retry, time, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(log, e);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report box: the history of the night's filings was erased.")]
    private static partial void LogErased(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report box: the database was busy; erasing the history again in {Retry}.")]
    private static partial void LogBusy(ILogger logger, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report box: erasing the history failed; it is tried again the next night.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
