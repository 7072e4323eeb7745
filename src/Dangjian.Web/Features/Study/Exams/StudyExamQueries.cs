using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Exams;

/// <summary>
/// The Party members of an organization subtree by exam state (STU-3): a make-up due with its day, 停职学习 since a day,
/// or ok (also everyone who has taken no exam yet); and one person's whole history.
/// </summary>
public sealed class StudyExamQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock, StudyRules rules)
{
    public async Task<StudyExamListView> ListAsync(int? organizationId, ExamState? state, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (organizationId is not { } orgId)
        {
            errors.Add("organizationId", "Input.Required", "Field.Organization");
            orgId = 0;
        }

        if (state is { } s && !Enum.IsDefined(s))
        {
            errors.Add("state", "Input.Invalid", "Field.Study.ExamState");
        }

        var window = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Id, o.Name, o.Path }).FirstAsync(ct);
        var people = await (from p in db.People.AsNoTracking()
                            join o in db.Organizations on p.OrganizationId equals o.Id
                            where o.Path.StartsWith(org.Path) && !p.IsRemoved && p.Status != MemberStatus.Resident
                            select new { p.Id, p.Name, OrganizationName = o.Name, o.Path }).ToListAsync(ct);
        var histories = (await db.StudyExamHistories.AsNoTracking().Include(h => h.Exams)
                .Where(h => db.People.Any(p => p.Id == h.PersonId && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(org.Path))))
                .ToListAsync(ct))
            .ToDictionary(h => h.PersonId);
        var today = clock.Today;
        var rows = people.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p =>
        {
            var h = histories.GetValueOrDefault(p.Id);
            var last = h?.Exams.MaxBy(e => e.Id);
            return new StudyExamRow(p.Id, p.Name, p.OrganizationName, h?.State ?? ExamState.Ok, h?.MakeUpDue, h?.IsMakeUpOverdue(today) ?? false, h?.SuspendedSince,
                last?.Date, last?.Score, h?.Version ?? 0);
        }).ToList();

        // Those who need something first: suspended, then a make-up due (soonest first), then the rest.
        var kept = rows.Where(r => state is not { } st || r.State == st)
            .OrderByDescending(r => r.State).ThenBy(r => r.MakeUpDue ?? DateOnly.MaxValue).ToList();
        return new StudyExamListView(
            org.Id, org.Name, state, rows.Count(r => r.State == ExamState.Ok), rows.Count(r => r.State == ExamState.MakeUpDue), rows.Count(r => r.State == ExamState.Suspended),
            new Paged<StudyExamRow>([.. kept.Skip(window.Skip).Take(window.PageSize)], kept.Count, window.Page, window.PageSize),
            await scopes.MayAsync(Permission.StudyWrite, org.Id, ct));
    }

    /// <summary>One person's history (empty before their first exam), after Study.Read on their organization.</summary>
    public async Task<StudyExamHistoryView> HistoryAsync(int personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved).Select(p => new { p.Id, p.Name, p.OrganizationId }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(person?.OrganizationId, "person", personId, Permission.StudyRead, ct);
        var history = await db.StudyExamHistories.AsNoTracking().Include(h => h.Exams).FirstOrDefaultAsync(h => h.PersonId == personId, ct);
        return View(history, personId, person!.Name, person.OrganizationId, await scopes.MayAsync(Permission.StudyWrite, person.OrganizationId, ct));
    }

    public StudyExamHistoryView View(StudyExamHistory? h, int personId, string name, int organizationId, bool mayWrite) => new(
        personId, name, organizationId, h?.State ?? ExamState.Ok, h?.MakeUpDue, h?.IsMakeUpOverdue(clock.Today) ?? false, h?.SuspendedSince, rules.Exams.PassScore,
        [.. (h?.Exams ?? []).OrderBy(e => e.Id).Select(e => new StudyExamResultView(e.Id, e.Date, e.Kind, e.Score, e.Passed, e.StateAfter, e.RecordedBy))],
        h?.Version ?? 0, mayWrite);
}
