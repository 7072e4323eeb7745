using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Audit;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Audit;

public sealed record AuditRow(long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

public sealed record AuditVerification(bool Intact, long Entries, long? FirstBrokenSequence, AuditBreak? Reason);

/// <summary>Strings of the audit pages (AuditText.resx, AuditText.en.resx).</summary>
public sealed class AuditText;

/// <summary>
/// The whole audit log (ORG-7) spans every organization, so it is for those who audit the whole tree:
/// roles allowed to read the audit log, held over the top organization. Record histories are shown
/// on each record's page to whoever may read the record.
/// </summary>
public sealed class AuditLogService(DangjianDbContext db, ScopeService scopes)
{
    public async Task DemandAsync(CancellationToken ct = default)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.ParentId == null).Select(o => o.Id).FirstOrDefaultAsync(ct);
        await scopes.DemandAsync(Permission.AuditRead, root, ct);
    }

    public async Task<Paged<AuditRow>> ListAsync(string? entityType, string? actor, int? page, int? pageSize, CancellationToken ct = default)
    {
        await DemandAsync(ct);
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            q = q.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            // An account's entries include those made with a token a district admin issued for it ("admin as account"),
            // and an admin's include those made acting as another account.
            var issuer = actor + ApiToken.ActingAsSeparator;
            var holder = ApiToken.ActingAsSeparator + actor;
            q = q.Where(a => a.Actor == actor || a.Actor.StartsWith(issuer) || a.Actor.EndsWith(holder));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.Sequence).Skip(window.Skip).Take(size)
            .Select(a => new AuditRow(a.Sequence, a.At, a.Actor, a.Action, a.EntityType, a.EntityId, a.Before, a.After, a.Hash))
            .ToListAsync(ct);
        return new Paged<AuditRow>(rows, total, p, size);
    }

    /// <summary>The record types that appear in the log, for the page's filter.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await DemandAsync(ct);
        return await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await DemandAsync(ct);
        var count = 0L;
        var fault = AuditChain.Verify(Counted(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable()));
        return new AuditVerification(fault is null, count, fault?.Sequence, fault?.Reason);

        IEnumerable<AuditEntry> Counted(IEnumerable<AuditEntry> source)
        {
            foreach (var e in source)
            {
                count++;
                yield return e;
            }
        }
    }
}

public static class AuditEndpoints
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services) =>
        services.AddScoped<AuditHistory>().AddScoped<AuditLogService>().AddScoped<AuditExport>();

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet("/", ListAuditEntries).WithName(nameof(ListAuditEntries)).RequirePermission(Permission.AuditRead);
        group.MapGet("/export", ExportAuditEntries).WithName(nameof(ExportAuditEntries)).RequirePermission(Permission.AuditRead);
        group.MapGet("/verify", VerifyAuditLog).WithName(nameof(VerifyAuditLog)).RequirePermission(Permission.AuditRead);
    }

    public static async Task<Ok<Paged<AuditRow>>> ListAuditEntries(AuditLogService audit, string? entityType, string? actor, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await audit.ListAsync(entityType, actor, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportAuditEntries(AuditExport export, OrgClock clock, string? entityType, string? actor, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(entityType, actor, ct), "audit-log", clock);

    public static async Task<Ok<AuditVerification>> VerifyAuditLog(AuditLogService audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(ct));
}
