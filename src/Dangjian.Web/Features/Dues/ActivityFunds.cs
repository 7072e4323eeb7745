using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Dues;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Dues;

/// <summary>
/// 专项经费 (DUE-3): an organization's entries and balance (Dues.Read), and a new entry (Dues.Write) checked by
/// <see cref="ActivityFundEntry.Create"/> against the balance the stored entries give.
/// </summary>
public sealed class ActivityFunds(DangjianDbContext db, ScopeService scopes, CurrentUser user, OrgClock clock)
{
    /// <summary>The organization's entries, newest first, with what was received, spent and is left.</summary>
    public async Task<ActivityFundsView> ListAsync(int? organizationId, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.DuesRead, orgId, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        var entries = await EntriesAsync(orgId, ct);
        var received = entries.Where(e => e.Kind == ActivityFundKind.Received).Sum(e => e.Amount);
        var spent = entries.Where(e => e.Kind == ActivityFundKind.Spent).Sum(e => e.Amount);
        return new ActivityFundsView(
            orgId, orgName, DuesRates.Money(received), DuesRates.Money(spent), DuesRates.Money(ActivityFundEntry.Balance(entries)),
            [.. entries.OrderByDescending(e => e.On).ThenByDescending(e => e.Id).Select(View)],
            await scopes.MayAsync(Permission.DuesWrite, orgId, ct));
    }

    /// <summary>A new entry; a spending past the balance is refused on amount and nothing is saved.</summary>
    public async Task<ActivityFundView> AddAsync(AddActivityFundRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.DuesWrite, orgId, ct);
        var errors = new FieldErrors();
        if (r.Kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Funds.Kind");
        }

        if (r.Amount is null)
        {
            errors.Add("amount", "Input.Required", "Field.Funds.Amount");
        }

        if (r.On is null)
        {
            errors.Add("on", "Input.Required", "Field.Funds.On");
        }

        errors.ThrowIfAny();

        // The balance read and the entry written are one step per organization: spendings saved at the same moment would
        // otherwise each pass a check made before any of them was written, and together spend more than there is.
        // SQLite's transactions begin IMMEDIATE (the database's one write lock, taken before the read); PostgreSQL takes a
        // transaction-scoped advisory lock on the organization, so other organizations' entries do not wait.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FundsLockSpace}, {orgId})", ct);
            }

            var balance = ActivityFundEntry.Balance(await EntriesAsync(orgId, ct));
            var entry = ActivityFundEntry.Create(orgId, r.Kind!.Value, r.Amount!.Value, r.Purpose, r.Approver, r.On!.Value, balance, clock.Today, user.Name, clock.UtcNow);
            db.ActivityFunds.Add(entry);
            db.AuditAction = entry.Kind == ActivityFundKind.Spent ? "ActivityFundEntry.Spent" : "ActivityFundEntry.Received";
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return View(entry);
        });
    }

    /// <summary>The first key of the funds' advisory locks (the second is the organization's id): "DUE3".</summary>
    private const int FundsLockSpace = 0x44554533;

    // Amounts are summed here, not in SQL: SQLite keeps decimals as text and cannot add them exactly.
    private Task<List<ActivityFundEntry>> EntriesAsync(int orgId, CancellationToken ct) =>
        db.ActivityFunds.AsNoTracking().Where(e => e.OrganizationId == orgId).ToListAsync(ct);

    private static ActivityFundView View(ActivityFundEntry e) => new(e.Id, e.Kind, DuesRates.Money(e.Amount), e.Purpose, e.Approver, e.On, e.RecordedBy);
}
