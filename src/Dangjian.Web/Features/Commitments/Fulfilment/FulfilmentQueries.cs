using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Commitments.Grading;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Fulfilment;

/// <summary>
/// Reads of 履 (CMT-4, CMT-5) inside the caller's scope: one item's fulfilment, the supervisors of a subtree, the reminder
/// list (提醒) of a campaign, and which items are lagging.
/// </summary>
public sealed class FulfilmentQueries(DangjianDbContext db, ScopeService scopes, CommitmentQueries queries, FulfilmentAccess access, OrgClock clock)
{
    /// <summary>The reminder list looks ahead this many days unless told (a week).</summary>
    public const int DefaultReminderDays = 7;

    public async Task<CommitmentItemDetail> ItemAsync(int commitmentId, CancellationToken ct = default)
    {
        await access.DemandItemAsync(commitmentId, Permission.CommitmentsRead, false, ct);
        var item = await queries.ItemAsync(commitmentId, ct);
        var files = (await db.CommitmentEvidenceFiles.AsNoTracking().Where(f => f.CommitmentId == commitmentId)
            .Select(f => new EvidenceFileView(f.Id, f.CommitmentId, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedBy)).ToListAsync(ct))
            .OrderBy(f => f.Id).ToDictionary(f => f.Id);
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        var records = (await db.FulfilmentRecords.AsNoTracking().Where(p => p.CommitmentId == commitmentId).ToListAsync(ct))
            .OrderBy(p => p.Date).ThenBy(p => p.RecordedAt).ThenBy(p => p.Id).ToList();
        var comments = (await db.SupervisorComments.AsNoTracking().Where(c => c.CommitmentId == commitmentId).ToListAsync(ct))
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
        var rounds = await db.CommitmentEvaluations.AsNoTracking().Where(e => e.CommitmentId == commitmentId).ToListAsync(ct);
        var cited = records.SelectMany(p => p.EvidenceFileIds).ToHashSet();
        var lagging = await LaggingAsync([commitmentId], ct);
        return new CommitmentItemDetail(
            item, lagging.Contains(commitmentId),
            [.. records.Select(p => new ProgressView(p.Id, p.Date, p.Steps, p.ResponsibleUnit, p.ResponsiblePerson, p.Result,
                [.. p.EvidenceFileIds.Where(files.ContainsKey).Select(id => files[id])], p.RecordedBy, p.RecordedAt))],
            [.. files.Values.Where(f => !cited.Contains(f.Id))],
            [.. comments.Select(c => new SupervisorCommentView(c.Id, c.SupervisorId, c.SupervisorName, c.Text, c.Lagging, c.At))],
            CommitmentEvaluationView.All(rounds));
    }

    /// <summary>
    /// Of <paramref name="ids"/>, those flagged lagging by a supervisor with no progress recorded since
    /// (<see cref="Commitment.IsLagging"/>). The caller has already read the items.
    /// </summary>
    public async Task<IReadOnlySet<int>> LaggingAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var flagged = await db.SupervisorComments.AsNoTracking().Where(c => ids.Contains(c.CommitmentId) && c.Lagging).Select(c => c.CommitmentId).Distinct().ToListAsync(ct);
        if (flagged.Count == 0)
        {
            return new HashSet<int>();
        }

        var items = await db.Commitments.AsNoTracking().Include(i => i.Progress).Include(i => i.SupervisorComments)
            .Where(i => flagged.Contains(i.Id)).AsSplitQuery().ToListAsync(ct);
        return items.Where(i => i.IsLagging).Select(i => i.Id).ToHashSet();
    }

    /// <summary>The supervisors assigned in the organization's subtree (or in all of the caller's scope), serving first, by name.</summary>
    public async Task<IReadOnlyList<SupervisorView>> SupervisorsAsync(int? organizationId, CancellationToken ct = default)
    {
        var scope = await scopes.GetAsync(ct);
        string? under = null;
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.CommitmentsRead, orgId, ct);
            under = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        }

        var today = clock.Today;
        var rows = await db.CommitmentSupervisors.AsNoTracking()
            .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { Supervisor = s, o.Name, o.Path })
            .ToListAsync(ct);
        return [.. rows.Where(r => scope.Allows(Permission.CommitmentsRead, r.Path) && (under is null || OrganizationTree.IsWithin(r.Path, under)))
            .Select(r => new SupervisorView(r.Supervisor.Id, r.Supervisor.OrganizationId, r.Name, r.Supervisor.PersonId, r.Supervisor.Name, r.Supervisor.Kind,
                r.Supervisor.AssignedOn, r.Supervisor.EndedOn, r.Supervisor.ServesOn(today), r.Supervisor.Version))
            .OrderByDescending(s => s.ServingToday).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)];
    }

    /// <summary>
    /// 提醒: the campaign's items in the caller's scope overdue or due within <paramref name="days"/> days (today and the
    /// <paramref name="days"/>th day included), grouped by responsible person, the most urgent first; lagging ones marked.
    /// </summary>
    public async Task<ReminderList> RemindersAsync(int campaignId, int? days, CancellationToken ct = default)
    {
        var n = days ?? DefaultReminderDays;
        if (n is < 0 or > CommitmentQueries.MaxDueWithinDays)
        {
            throw new InputValidationException(new FieldErrors().Add("days", "Input.OutOfRange", "Field.Commitment.DueWithinDays", 0, CommitmentQueries.MaxDueWithinDays));
        }

        var overdue = await queries.LedgerAllAsync(campaignId, new LedgerFilter(null, null, null, null, null, null, true, null), ct);
        var soon = await queries.LedgerAllAsync(campaignId, new LedgerFilter(null, null, null, null, null, null, null, n), ct);
        var items = overdue.Concat(soon).DistinctBy(i => i.Id).Where(i => i.DueDate is not null).ToList();
        var lagging = await LaggingAsync([.. items.Select(i => i.Id)], ct);
        var today = clock.Today;
        var groups = items
            .GroupBy(i => (i.ResponsiblePersonId, Name: i.ResponsiblePersonId is null ? i.ResponsibleName : string.Empty))
            .Select(g =>
            {
                var rows = g.OrderBy(i => i.DueDate).ThenBy(i => i.Id)
                    .Select(i => new ReminderItem(i.Id, i.OwnerName, i.OrganizationName, i.Content, i.DueDate!.Value, i.Overdue,
                        i.DueDate!.Value.DayNumber - today.DayNumber, lagging.Contains(i.Id)))
                    .ToList();
                return new ReminderGroup(g.First().ResponsibleName, g.Key.ResponsiblePersonId, rows);
            })
            .OrderBy(g => g.Items[0].DueDate).ThenBy(g => g.ResponsibleName, StringComparer.Ordinal).ToList();
        return new ReminderList(n, groups);
    }
}
