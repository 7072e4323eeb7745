using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Records;

/// <summary>
/// Study records (STU-1) of an organization subtree, and the signed-in person's own study on /me: credits by
/// <see cref="StudyCredits"/> (rule data), only approved records counted (<see cref="StudyRecord.Credits"/>).
/// </summary>
public sealed class StudyRecordQueries(DangjianDbContext db, ScopeService scopes, StudyCredits credits, OrgClock clock, StudyComplianceQueries compliance)
{
    /// <summary>The records of the organization and every organization below it, newest first, filtered and paged.</summary>
    public async Task<StudyRecordsView> ListAsync(StudyRecordFilter f, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (f.OrganizationId is null)
        {
            errors.Add("organizationId", "Input.Required", "Field.Organization");
        }

        var window = Paging.Check(f.Page, f.PageSize, errors);
        errors.ThrowIfAny();
        var orgId = f.OrganizationId!.Value;
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var q = Within(org.Path);
        var pending = await q.CountAsync(r => r.Status == StudyRecordStatus.Pending, ct);
        if (f.Status is { } status)
        {
            q = q.Where(r => r.Status == status);
        }

        if (f.Kind is { } kind)
        {
            q = q.Where(r => r.Kind == kind);
        }

        q = InYear(q, f.Year);
        if (!string.IsNullOrWhiteSpace(f.Name))
        {
            var name = f.Name.Trim();
            q = q.Where(r => db.People.Any(p => p.Id == r.PersonId && p.Name.Contains(name)));
        }

        var total = await q.CountAsync(ct);
        var page = await q.OrderByDescending(r => r.Date ?? r.To).ThenByDescending(r => r.Id).Skip(window.Skip).Take(window.PageSize).ToListAsync(ct);
        var views = await ViewsAsync(page, ct);
        return new StudyRecordsView(orgId, org.Name, new Paged<StudyRecordView>(views, total, window.Page, window.PageSize), pending,
            await scopes.MayAsync(Permission.StudyWrite, orgId, ct));
    }

    /// <summary>The records of the subtree, unpaged, for the export: at most <paramref name="max"/>, newest first.</summary>
    public async Task<(string OrganizationName, IReadOnlyList<StudyRecordView> Records)> AllAsync(int? organizationId, int? year, int max, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var rows = await InYear(Within(org.Path), year).OrderByDescending(r => r.Date ?? r.To).ThenByDescending(r => r.Id).Take(max).ToListAsync(ct);
        return (org.Name, await ViewsAsync(rows, ct));
    }

    /// <summary>The signed-in person's year: approved totals by kind, credits against the yearly minimum, exam state, records.</summary>
    public async Task<MyStudyView> MineAsync(CancellationToken ct = default)
    {
        var year = clock.Today.Year;
        var period = new StudyPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var personId = await scopes.CurrentPersonIdAsync(ct);
        if (personId is not { } id || !await db.People.AsNoTracking().AnyAsync(p => p.Id == id && !p.IsRemoved, ct))
        {
            return new MyStudyView(null, year, [], 0, credits.YearlyMinimum, false, ExamState.Ok, null, []);
        }

        var records = await db.StudyRecords.AsNoTracking().Where(r => r.PersonId == id)
            .OrderByDescending(r => r.Date ?? r.To).ThenByDescending(r => r.Id).ToListAsync(ct);
        var exams = await db.StudyExamHistories.AsNoTracking().Include(h => h.Exams).FirstOrDefaultAsync(h => h.PersonId == id, ct);
        var totals = records.Where(r => r.Status == StudyRecordStatus.Approved)
            .GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => new StudyKindTotal(g.Key, g.Sum(r => Quantity(r, period)), g.Sum(r => r.Credits(credits, period))))
            .Where(t => t.Quantity > 0).ToList();
        var total = credits.Total(records, exams, period);
        return new MyStudyView(id, year, totals, total, credits.YearlyMinimum, credits.MeetsYearlyMinimum(total),
            exams?.State ?? ExamState.Ok, exams?.MakeUpDue, await ViewsAsync(records, ct))
        { Requirements = await compliance.OwnRequirementsAsync(id, ct) };
    }

    /// <summary>People of the organization and below whose records the caller may enter, by name, for the entry form.</summary>
    public async Task<IReadOnlyList<StudyPersonOption>> PeopleAsync(int organizationId, string? search, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.StudyWrite, organizationId, ct);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync(ct);
        var q = db.People.AsNoTracking().Where(p => !p.IsRemoved && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path)));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            q = q.Where(p => p.Name.Contains(text));
        }

        return await q.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(30).Select(p => new StudyPersonOption(p.Id, p.Name)).ToListAsync(ct);
    }

    /// <summary>One record as the pages show it.</summary>
    public async Task<StudyRecordView> ViewAsync(StudyRecord r, CancellationToken ct = default) => (await ViewsAsync([r], ct))[0];

    private IQueryable<StudyRecord> Within(string path) =>
        db.StudyRecords.AsNoTracking().Where(r => db.Organizations.Any(o => o.Id == r.OrganizationId && o.Path.StartsWith(path)));

    /// <summary>Records dated in the year, or stays overlapping it; all when no year is given.</summary>
    private static IQueryable<StudyRecord> InYear(IQueryable<StudyRecord> q, int? year)
    {
        if (year is not { } y)
        {
            return q;
        }

        var (first, last) = (new DateOnly(Math.Clamp(y, 1, 9999), 1, 1), new DateOnly(Math.Clamp(y, 1, 9999), 12, 31));
        return q.Where(r => (r.Date >= first && r.Date <= last) || (r.From <= last && r.To >= first));
    }

    private async Task<IReadOnlyList<StudyRecordView>> ViewsAsync(IReadOnlyList<StudyRecord> records, CancellationToken ct)
    {
        var ids = records.Select(r => r.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. records.Select(r => new StudyRecordView(
            r.Id, r.PersonId, names.GetValueOrDefault(r.PersonId, string.Empty), r.OrganizationId, r.Kind, r.Date, r.Hours, r.From, r.To, r.Days,
            r.Topic, r.Notes, r.Content, credits.Earned(r.Kind, r.Kind == StudyKind.PartySchool ? r.Days : r.Hours ?? 0, r.Content), r.Status, r.EnteredByClerk,
            r.EnteredBy, r.DecidedBy, r.ReturnReason, r.Version) { Linked = r.IsLinked })];
    }

    /// <summary>A session's hours inside the period, or the days of a stay inside it.</summary>
    private static decimal Quantity(StudyRecord r, StudyPeriod period)
    {
        if (r.Kind != StudyKind.PartySchool)
        {
            return r.Date >= period.Start && r.Date <= period.End ? r.Hours ?? 0 : 0;
        }

        var first = Math.Max(r.From!.Value.DayNumber, period.Start.DayNumber);
        var last = Math.Min(r.To!.Value.DayNumber, period.End.DayNumber);
        return Math.Max(0, last - first + 1);
    }
}
