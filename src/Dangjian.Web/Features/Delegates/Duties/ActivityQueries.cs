using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Duties;

/// <summary>
/// The regular duties of a term (DEL-3) and 述职 as staff read them (Delegates.Read on the term's organization), the attendance
/// rate per delegate, and the published activities of the signed-in delegate's terms (/me).
/// </summary>
public sealed class ActivityQueries(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>A page of a term's activities, the latest first, by kind and a word of the subject or place.</summary>
    public async Task<ActivityListView> ListAsync(int? termId, DelegateActivityKind? kind, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (items, canManage) = await ScopedAsync(termId, ct);
        if (kind is { } k)
        {
            items = items.Where(a => a.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            items = items.Where(a => a.Subject.Contains(text) || a.Place.Contains(text));
        }

        var total = await items.CountAsync(ct);
        var rows = await Rows(items.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id).Skip(new PageWindow(p, size).Skip).Take(size)).ToListAsync(ct);
        return new ActivityListView(new Paged<ActivityRow>(rows, total, p, size), canManage);
    }

    /// <summary>Every activity of the term, the latest first: what the export writes.</summary>
    public async Task<IReadOnlyList<ActivityRow>> AllAsync(int? termId, CancellationToken ct = default)
    {
        var (items, _) = await ScopedAsync(termId, ct);
        return await Rows(items.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id)).ToListAsync(ct);
    }

    public async Task<ActivityView> GetAsync(int id, CancellationToken ct = default)
    {
        var orgId = await db.DelegateActivities.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "delegateActivity", id, Permission.DelegatesRead, ct);
        var activity = await db.DelegateActivities.AsNoTracking().Include(a => a.Attendance).FirstAsync(a => a.Id == id, ct);
        return await ViewAsync(activity, ct);
    }

    /// <summary>
    /// The evaluation campaigns a 述职 of this activity's term may link to (those of the term's organization or below, as
    /// <see cref="ActivityCommands.LinkEvaluationAsync"/> accepts), the latest year first; for those who manage the term.
    /// </summary>
    public async Task<IReadOnlyList<LinkChoice>> CampaignChoicesAsync(int activityId, CancellationToken ct = default)
    {
        var orgId = await db.DelegateActivities.AsNoTracking().Where(a => a.Id == activityId).Select(a => (int?)a.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "delegateActivity", activityId, Permission.DelegatesManage, ct);
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var rows = await db.EvaluationCampaigns.AsNoTracking()
            .Where(c => db.Organizations.Any(o => o.Id == c.OrganizationId && o.Path.StartsWith(root)))
            .Select(c => new { c.Id, c.Title, c.Year }).ToListAsync(ct);
        return [.. rows.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Select(c => new LinkChoice(c.Id, c.Title))];
    }

    /// <summary>The attendance rate of each delegate of the term over its activities, the lowest first (those without records last).</summary>
    public async Task<IReadOnlyList<AttendanceRateView>> RatesAsync(int termId, CancellationToken ct = default)
    {
        var orgId = await db.CongressTerms.AsNoTracking().Where(t => t.Id == termId).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", termId, Permission.DelegatesRead, ct);
        var seats = await db.DelegateSeats.AsNoTracking().Where(s => s.TermId == termId).ToListAsync(ct);
        var entries = await db.DelegateActivityAttendance.AsNoTracking().Where(a => db.DelegateActivities.Any(x => x.Id == a.ActivityId && x.TermId == termId)).ToListAsync(ct);
        var names = await SeatNamesAsync(termId, ct);
        return [.. AttendanceRate.Of(seats, entries)
            .Select(r => new AttendanceRateView(r.DelegateId, r.PersonId, names[r.DelegateId].Name, names[r.DelegateId].Delegation, r.Recorded, r.Present, r.Rate))
            .OrderBy(r => r.Rate is null).ThenBy(r => r.Rate).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>The published activities of the terms where the signed-in person holds a seat, the latest first, with their attendance.</summary>
    public async Task<IReadOnlyList<MyActivityView>> MineAsync(CancellationToken ct = default)
    {
        if (await scopes.CurrentPersonIdAsync(ct) is not { } personId)
        {
            return [];
        }

        var seats = await db.DelegateSeats.AsNoTracking().Where(s => s.PersonId == personId).Select(s => new { s.Id, s.TermId }).ToListAsync(ct);
        var termIds = seats.Select(s => s.TermId).ToList();
        var seatIds = seats.Select(s => s.Id).ToList();
        var list = await db.DelegateActivities.AsNoTracking().Where(a => termIds.Contains(a.TermId) && a.Published)
            .OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id).Take(50)
            .Select(a => new
            {
                a.Id, a.TermId, a.Kind, a.HeldOn, a.Place, a.Subject, a.Summary,
                Present = a.Attendance.Where(x => seatIds.Contains(x.DelegateId)).Select(x => (bool?)x.Present).FirstOrDefault(),
            }).ToListAsync(ct);
        return [.. list.Select(a => new MyActivityView(a.Id, a.TermId, a.Kind, a.HeldOn, a.Place, a.Subject, a.Summary, a.Present))];
    }

    /// <summary>The 述职 of a term, the latest first.</summary>
    public async Task<IReadOnlyList<WorkReportView>> WorkReportsAsync(int termId, CancellationToken ct = default)
    {
        var orgId = await db.CongressTerms.AsNoTracking().Where(t => t.Id == termId).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", termId, Permission.DelegatesRead, ct);
        return await ReportViews(db.DelegateWorkReports.AsNoTracking().Where(r => r.TermId == termId)).ToListAsync(ct);
    }

    public async Task<ActivityView> ViewAsync(DelegateActivity a, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        var term = await db.CongressTerms.AsNoTracking().Where(t => t.Id == a.TermId)
            .Select(t => new { t.Number, Name = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() }).FirstAsync(ct);
        var names = await SeatNamesAsync(a.TermId, ct);
        var seats = await db.DelegateSeats.AsNoTracking().Where(s => s.TermId == a.TermId).ToListAsync(ct);
        var lines = seats.Where(s => a.Attendance.Any(x => x.DelegateId == s.Id) || s.EndedOn is not { } e || e >= a.HeldOn)
            .Select(s =>
            {
                var entry = a.Attendance.FirstOrDefault(x => x.DelegateId == s.Id);
                return new AttendanceLine(s.Id, s.PersonId, names[s.Id].Name, names[s.Id].Delegation, entry?.Present, entry?.AbsenceReason);
            })
            .OrderBy(l => l.DelegationName, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        var reports = await ReportViews(db.DelegateWorkReports.AsNoTracking().Where(r => r.ActivityId == a.Id)).ToListAsync(ct);
        return new ActivityView(
            a.Id, a.TermId, term.Number, term.Name, a.Kind, a.HeldOn, a.Place, a.Subject, a.Summary, a.Published, a.PublishedOn, a.Version, lines, reports,
            await scopes.MayAsync(Permission.DelegatesManage, a.OrganizationId, ct));
    }

    private IQueryable<WorkReportView> ReportViews(IQueryable<WorkReport> reports) =>
        reports.OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).Select(r => new WorkReportView(
            r.Id, r.TermId, r.ActivityId, db.DelegateActivities.Where(a => a.Id == r.ActivityId).Select(a => a.Subject).FirstOrDefault(), r.PersonId, r.ReporterName, r.Post,
            r.Subject, r.ReportedOn, r.EvaluationCampaignId, db.EvaluationCampaigns.Where(c => c.Id == r.EvaluationCampaignId).Select(c => c.Title).FirstOrDefault(), r.Version));

    private async Task<Dictionary<int, (string Name, string Delegation)>> SeatNamesAsync(int termId, CancellationToken ct) =>
        (await (from s in db.DelegateSeats.AsNoTracking()
                where s.TermId == termId
                join p in db.People on s.PersonId equals p.Id
                join d in db.Delegations on s.DelegationId equals d.Id
                select new { s.Id, p.Name, Delegation = d.Name }).ToListAsync(ct)).ToDictionary(x => x.Id, x => (x.Name, x.Delegation));

    private static IQueryable<ActivityRow> Rows(IQueryable<DelegateActivity> items) =>
        items.Select(a => new ActivityRow(a.Id, a.TermId, a.Kind, a.HeldOn, a.Place, a.Subject, a.Published, a.Attendance.Count(x => x.Present), a.Attendance.Count(x => !x.Present)));

    private async Task<(IQueryable<DelegateActivity> Items, bool CanManage)> ScopedAsync(int? termId, CancellationToken ct)
    {
        if (termId is not { } t)
        {
            throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", "Field.Activity.Term"));
        }

        var orgId = await db.CongressTerms.AsNoTracking().Where(x => x.Id == t).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", t, Permission.DelegatesRead, ct);
        return (db.DelegateActivities.AsNoTracking().Where(a => a.TermId == t), await scopes.MayAsync(Permission.DelegatesManage, orgId!.Value, ct));
    }
}
