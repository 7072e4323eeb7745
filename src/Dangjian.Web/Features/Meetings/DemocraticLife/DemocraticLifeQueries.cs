using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>
/// Reads of democratic life meetings (DLM-1 … DLM-4) inside the caller's scope: a meeting is read with Meetings.Read on
/// its organization. Quality and carry-over are worked out by the domain (<see cref="DemocraticLifeQuality"/>,
/// <see cref="DemocraticLifeContinuity"/>) from the records, never stored.
/// </summary>
public sealed class DemocraticLifeQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>Meetings of the organizations in scope, newest first; filtered by organization (which must be in scope) and year.</summary>
    public async Task<Paged<DemocraticLifeRow>> ListAsync(int? organizationId, int? year, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        if (year is { } y && y is < DemocraticLifeMeeting.MinYear or > DemocraticLifeMeeting.MaxYear)
        {
            errors.Add("year", "Input.OutOfRange", "Field.DemocraticLife.Year", DemocraticLifeMeeting.MinYear, DemocraticLifeMeeting.MaxYear);
        }

        errors.ThrowIfAny();
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.MeetingsRead, orgId, ct);
        }

        var orgs = await scopes.OrganizationsAsync(Permission.MeetingsRead, ct);
        var query = db.DemocraticLifeMeetings.AsNoTracking()
            .Where(m => organizationId == null || m.OrganizationId == organizationId)
            .Where(m => year == null || m.Year == year)
            .Join(orgs, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o.Name });
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.m.Year).ThenByDescending(x => x.m.PlannedDate).ThenBy(x => x.Name).ThenByDescending(x => x.m.Id)
            .Skip(window.Skip).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.m.Id).ToList();
        var problems = await db.DemocraticLifeProblems.AsNoTracking().Include(x => x.Rectifications).Where(x => ids.Contains(x.MeetingId)).ToListAsync(ct);
        var byMeeting = problems.ToLookup(x => x.MeetingId);
        return new Paged<DemocraticLifeRow>(
            [.. rows.Select(r => new DemocraticLifeRow(r.m.Id, r.m.OrganizationId, r.Name, r.m.Year, r.m.Theme, r.m.PlannedDate, r.m.HeldDate, r.m.Status,
                QualityView.Of(DemocraticLifeQuality.Of(byMeeting[r.m.Id])),
                byMeeting[r.m.Id].Sum(x => x.Rectifications.Count(c => c.Status == RectificationStatus.Open))))],
            total, p, size);
    }

    /// <summary>One meeting whole: checklist, leader, opinions count, problems per member, quality, and the carry-over.</summary>
    public async Task<DemocraticLifeView> GetAsync(int id, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(id, Permission.MeetingsRead, ct);
        var meetings = await OrganizationMeetingsAsync(orgId, ct);
        var m = meetings.First(x => x.Id == id);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var scope = await scopes.GetAsync(ct);
        var today = Today;
        var team = await TeamAsync(orgId, m.Date, ct);
        var carried = DemocraticLifeContinuity.CarryOver(m, meetings);
        var personIds = m.Problems.Select(p => p.PersonId).Concat(carried.Select(c => c.Problem.PersonId)).Concat(team.Select(t => t.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var opinions = await db.DemocraticLifeOpinions.AsNoTracking().CountAsync(o => o.MeetingId == id, ct);

        // Team members in seat order, then anyone with a problem recorded who has left the team since.
        var members = team.Select(t => (t.PersonId, t.Name, Role: (Domain.Teams.TeamRole?)t.Role))
            .Concat(m.Problems.Select(p => p.PersonId).Distinct().Where(pid => team.All(t => t.PersonId != pid)).Select(pid => (PersonId: pid, Name: names[pid], Role: (Domain.Teams.TeamRole?)null)))
            .Select(x => new MemberProblemsView(x.PersonId, x.Name, x.Role,
                [.. m.Problems.Where(p => p.PersonId == x.PersonId).OrderBy(p => p.Kind).ThenBy(p => p.Id).Select(p => View(p, names[p.PersonId], today))]))
            .ToList();

        return new DemocraticLifeView(
            m.Id, m.OrganizationId, org.Name, m.Year, m.Theme, m.PlannedDate, m.HeldDate, m.Status, m.PostponeReason, m.PostponedFrom,
            m.SuperiorLeaderName, m.SuperiorLeaderTitle,
            [.. Enum.GetValues<PreparationItem>().Select(i => new ChecklistItemView(i, m.IsConfirmed(i), m.ConfirmedBy(i), m.ConfirmedAt(i)))],
            m.MissingPreparation().Count == 0,
            m.AcceptsOpinions,
            m.OpinionTokenHash is not null,
            opinions,
            QualityView.Of(DemocraticLifeQuality.Of(m)),
            members,
            team,
            DemocraticLifeContinuity.Previous(m, meetings)?.Id,
            [.. carried.Select(c => new CarriedRectificationView(c.Meeting.Id, c.Meeting.Year, c.Meeting.Theme, c.Problem.Id, names[c.Problem.PersonId], c.Problem.Kind,
                c.Problem.Text, View(c.Rectification, today)))],
            m.MeetingId,
            scope.Allows(Permission.DemocraticLifeRun, org.Path),
            m.Version);
    }

    public async Task<IReadOnlyList<OpinionView>> OpinionsAsync(int id, CancellationToken ct = default)
    {
        await DemandAsync(id, Permission.MeetingsRead, ct);
        var rows = await db.DemocraticLifeOpinions.AsNoTracking().Where(o => o.MeetingId == id).ToListAsync(ct);
        // By day and kind, then by text: never by key, which is random, nor by anything that would order arrivals.
        return [.. rows.OrderBy(o => o.ReceivedOn).ThenBy(o => o.Source).ThenBy(o => o.Text, StringComparer.Ordinal)
            .Select(o => new OpinionView(o.Id, o.Source, o.Text, o.ReceivedOn, o.SubmitterName))];
    }

    /// <summary>The quality of each meeting of the organization, oldest first (the chart over the years, DLM-4).</summary>
    public async Task<OrganizationQuality> QualityHistoryAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.MeetingsRead, organizationId, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(ct);
        var meetings = await OrganizationMeetingsAsync(organizationId, ct);
        return new OrganizationQuality(organizationId, name,
            [.. meetings.OrderBy(m => m.Year).ThenBy(m => m.Date).ThenBy(m => m.Id)
                .Select(m => new QualityPoint(m.Id, m.Year, m.Theme, m.Date, m.Status, QualityView.Of(DemocraticLifeQuality.Of(m))))]);
    }

    /// <summary>The rectifications of a meeting and those it carries over, for the printed list and the Excel export.</summary>
    public async Task<(DemocraticLifeView Meeting, IReadOnlyList<CarriedRectificationView> Own)> RectificationListAsync(int id, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        var own = view.Members.SelectMany(x => x.Problems).SelectMany(p => p.Rectifications.Select(r =>
            new CarriedRectificationView(view.Id, view.Year, view.Theme, p.Id, p.PersonName, p.Kind, p.Text, r))).ToList();
        return (view, own);
    }

    /// <summary>
    /// The meeting's organization, after the scope check; 404 for an unknown id to a caller with some scope, 403 to one
    /// without any (not found and not allowed look alike from outside).
    /// </summary>
    public async Task<int> DemandAsync(int id, Permission permission, CancellationToken ct = default)
    {
        var orgId = await db.DemocraticLifeMeetings.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "democratic life meeting", id, permission, ct);
        return orgId!.Value;
    }

    /// <summary>Every meeting of the organization with its problems and rectifications (a handful a year).</summary>
    internal async Task<List<DemocraticLifeMeeting>> OrganizationMeetingsAsync(int organizationId, CancellationToken ct, bool tracked = false)
    {
        var q = db.DemocraticLifeMeetings.Include(m => m.Problems).ThenInclude(p => p.Rectifications).Where(m => m.OrganizationId == organizationId);
        return await (tracked ? q : q.AsNoTracking()).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>The team whose term covers the meeting's date, else the latest one before it, else the latest: its members seated on that date (ORG-2), in seat order.</summary>
    internal async Task<IReadOnlyList<TeamMemberView>> TeamAsync(int organizationId, DateOnly date, CancellationToken ct)
    {
        var teams = await db.LeadershipTeams.AsNoTracking().Include(t => t.Positions).Where(t => t.OrganizationId == organizationId).ToListAsync(ct);
        var team = teams.FirstOrDefault(t => t.IsCurrentOn(date))
            ?? teams.Where(t => t.StartsOn <= date).MaxBy(t => t.StartsOn)
            ?? teams.MaxBy(t => t.StartsOn);
        if (team is null)
        {
            return [];
        }

        var seats = team.Positions.Where(p => p.IsHeldOn(date)).ToList();
        var ids = seats.Select(p => p.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. seats.OrderBy(p => p.Role switch { Domain.Teams.TeamRole.Secretary => 0, Domain.Teams.TeamRole.DeputySecretary => 1, _ => 2 }).ThenBy(p => p.Id).Select(p => new TeamMemberView(p.PersonId, names[p.PersonId], p.Role))
            .DistinctBy(p => p.PersonId)];
    }

    internal static ProblemView View(DemocraticLifeProblem p, string personName, DateOnly today) =>
        new(p.Id, p.PersonId, personName, p.Kind, p.RaisedBy, p.Text, p.IsResolved,
            [.. p.Rectifications.OrderBy(r => r.Deadline).ThenBy(r => r.Id).Select(r => View(r, today))], p.Version);

    internal static RectificationView View(DemocraticLifeRectification r, DateOnly today) =>
        new(r.Id, r.ProblemId, r.Measure, r.Owner, r.Deadline, r.Evidence, r.Status, r.DoneOn, r.IsOverdueOn(today), r.Version);
}
