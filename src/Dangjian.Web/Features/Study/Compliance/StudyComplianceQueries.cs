using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Compliance;

/// <summary>
/// Study compliance (STU-2) of the Party members of an organization subtree, or of one person, on a day (today by
/// default): every figure computed by the rules of <c>dangjian study compliance</c> (<see cref="StudyCompliance"/>,
/// <see cref="StudyExams"/>) from the stored approved records (<see cref="StudyRecord.Counted"/>) and exam histories,
/// with each person's role read from the leadership teams (<see cref="StudyRoles"/>).
/// </summary>
public sealed class StudyComplianceQueries(
    DangjianDbContext db, ScopeService scopes, OrgClock clock, StudyRules rules)
{
    public async Task<StudyComplianceView> OverviewAsync(int? organizationId, DateOnly? asOf, bool shortfallsOnly, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (organizationId is null)
        {
            errors.Add("organizationId", "Input.Required", "Field.Organization");
        }

        var window = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var all = await SubtreeAsync(organizationId!.Value, asOf, ct);
        var shares = rules.Requirements
            .Select(r => (Requirement: r, Of: all.Rows.Select(p => p.Requirements.FirstOrDefault(x => x.Kind == r.Kind && x.Per == r.Per && p.Role == r.Role)).OfType<StudyRequirementView>().ToList()))
            .Where(x => x.Of.Count > 0)
            .Select(x => new StudyRequirementShare(x.Requirement.Role, x.Requirement.Kind, x.Requirement.Per, x.Of.Count,
                x.Of.Count(v => v.Progress == StudyProgress.Complete), x.Of.Count(v => v.Progress == StudyProgress.OnPace), x.Of.Count(v => v.Progress == StudyProgress.BehindPace)))
            .ToList();
        var kept = shortfallsOnly ? [.. all.Rows.Where(r => r.Shortfall)] : all.Rows;
        return new StudyComplianceView(
            all.OrganizationId, all.OrganizationName, all.AsOf, shortfallsOnly, all.Rows.Count, all.Rows.Count(r => r.Shortfall), shares,
            new Paged<StudyComplianceRow>([.. kept.Skip(window.Skip).Take(window.PageSize)], kept.Count, window.Page, window.PageSize));
    }

    /// <summary>Every person of the subtree the filter keeps (for the export).</summary>
    public async Task<(string OrganizationName, DateOnly AsOf, IReadOnlyList<StudyComplianceRow> Rows)> AllAsync(int? organizationId, DateOnly? asOf, bool shortfallsOnly, CancellationToken ct = default)
    {
        if (organizationId is null)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        var all = await SubtreeAsync(organizationId.Value, asOf, ct);
        return (all.OrganizationName, all.AsOf, shortfallsOnly ? [.. all.Rows.Where(r => r.Shortfall)] : all.Rows);
    }

    /// <summary>
    /// What the dashboard counts (RPT-1): today's rows of every person of the given organizations at once, by the same rules
    /// as <see cref="AllAsync"/> of each subtree, in one read however many subtrees they cover. The caller passes only
    /// organizations where it holds Study.Read.
    /// </summary>
    public Task<List<StudyComplianceRow>> OfOrganizationsAsync(IQueryable<int> organizationIds, CancellationToken ct = default) =>
        EvaluateAsync(db.People.Where(p => organizationIds.Contains(p.OrganizationId)), clock.Today, ct);

    /// <summary>One person's compliance, after Study.Read on their organization.</summary>
    public async Task<StudyComplianceRow> PersonAsync(int personId, DateOnly? asOf, CancellationToken ct = default)
    {
        var orgId = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved).Select(p => (int?)p.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "person", personId, Permission.StudyRead, ct);
        var day = asOf ?? clock.Today;
        var rows = await EvaluateAsync(db.People.Where(p => p.Id == personId), day, ct);
        return rows.Count > 0 ? rows[0] : throw new NotFoundException("person", personId);
    }

    /// <summary>
    /// The signed-in person's own requirements today, for 我的学习 on /me: no Study.Read is asked (the caller is the person,
    /// found from the account as Mine.Use finds it), the figures the same as the compliance page's.
    /// </summary>
    public async Task<IReadOnlyList<StudyRequirementView>> OwnRequirementsAsync(int personId, CancellationToken ct = default)
    {
        var rows = await EvaluateAsync(db.People.Where(p => p.Id == personId), clock.Today, ct);
        return rows.Count > 0 ? rows[0].Requirements : [];
    }

    private sealed record Subtree(int OrganizationId, string OrganizationName, DateOnly AsOf, IReadOnlyList<StudyComplianceRow> Rows);

    private async Task<Subtree> SubtreeAsync(int organizationId, DateOnly? asOf, CancellationToken ct)
    {
        await scopes.DemandAsync(Permission.StudyRead, organizationId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path }).FirstAsync(ct);
        var day = asOf ?? clock.Today;
        var people = db.People.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(org.Path)));
        return new Subtree(org.Id, org.Name, day, await EvaluateAsync(people, day, ct));
    }

    /// <summary>The Party members among <paramref name="people"/> (residents and removed people have no requirements), by organization and name.</summary>
    private async Task<List<StudyComplianceRow>> EvaluateAsync(IQueryable<Person> people, DateOnly asOf, CancellationToken ct)
    {
        var members = people.Where(p => !p.IsRemoved && p.Status != MemberStatus.Resident);
        var rows = await (from p in members.AsNoTracking()
                          join o in db.Organizations on p.OrganizationId equals o.Id
                          select new { p.Id, p.Name, p.OrganizationId, OrganizationName = o.Name, o.Path }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        // Each seat with the day its organization's next team started: a team serves until then (TermRules.Serves), so a
        // team whose term ran over keeps its leaders' requirements.
        var seats = (await (from t in db.LeadershipTeams.AsNoTracking()
                            where t.StartsOn <= asOf
                            join o in db.Organizations on t.OrganizationId equals o.Id
                            from s in t.Positions
                            where members.Any(m => m.Id == s.PersonId)
                            select new
                            {
                                s.PersonId, o.Kind, s.Role, t.StartsOn, t.EndsOn,
                                Next = db.LeadershipTeams.Where(n => n.OrganizationId == t.OrganizationId && n.StartsOn > t.StartsOn).Min(n => (DateOnly?)n.StartsOn),
                            }).ToListAsync(ct))
            .Where(x => TermRules.Serves(x.StartsOn, x.Next, asOf))
            .ToLookup(x => x.PersonId, x => new StudySeat(x.Kind, x.Role, x.StartsOn, x.EndsOn, x.Next));

        // Records a term requirement could reach start at the earliest current term; year requirements and credits at 1 January.
        var yearStart = new DateOnly(asOf.Year, 1, 1);
        var from = seats.SelectMany(g => g).Select(s => s.TermStart).Append(yearStart).Min();
        var records = (await db.StudyRecords.AsNoTracking()
                .Where(r => r.Status == StudyRecordStatus.Approved && members.Any(m => m.Id == r.PersonId)
                    && ((r.Date >= from && r.Date <= asOf) || (r.To >= from && r.From <= asOf)))
                .ToListAsync(ct))
            .ToLookup(r => r.PersonId);
        var histories = (await db.StudyExamHistories.AsNoTracking().Include(h => h.Exams)
                .Where(h => members.Any(m => m.Id == h.PersonId)).ToListAsync(ct))
            .ToDictionary(h => h.PersonId);
        var year = StudyCompliance.Window(StudyCompliance.Period(StudyPer.Year, asOf, null), asOf)!.Value;

        return [.. rows.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(p =>
        {
            var (role, term) = StudyRoles.Of(seats[p.Id], asOf);
            var own = records[p.Id].ToList();
            var history = histories.GetValueOrDefault(p.Id);
            if (history is not null)
            {
                history.Exams = [.. history.Exams.OrderBy(e => e.Id)];
            }

            var statuses = StudyCompliance.Evaluate(role, term, StudyRecord.Counted(own), rules.Requirements, asOf);
            var exam = history is null ? ExamState.Ok : StudyExams.Replay(history.Taken, rules.Exams.PassScore, asOf).State;
            var earned = rules.Credits.Total(own, history, year);
            return new StudyComplianceRow(
                p.Id, p.Name, p.OrganizationId, p.OrganizationName, role, term?.Start, term?.End,
                exam, exam == ExamState.MakeUpDue ? history?.MakeUpDue : null, exam == ExamState.Suspended ? history?.SuspendedSince : null,
                earned, rules.Credits.YearlyMinimum, rules.Credits.MeetsYearlyMinimum(earned),
                [.. statuses.Select(s => new StudyRequirementView(s.Requirement.Kind, s.Requirement.Per, s.Requirement.Unit, s.Requirement.Min, s.Done, s.Missing, s.BehindPace, s.Progress()))],
                StudyStanding.IsShortfall(statuses, exam));
        })];
    }
}
