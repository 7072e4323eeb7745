using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>Election projects and their records (ELE-1 … ELE-5, ELE-7, ELE-14, ELE-15), inside the caller's scope.</summary>
public sealed class ElectionProjectQueries(
    DangjianDbContext db, ScopeService scopes, ProjectAccess access, OrgClock clock, IOptions<ElectionOptions> options, IStringLocalizer<RuleText> rules)
{
    /// <summary>Projects of every organization in the caller's subtree, open ones first, with their derived stage.</summary>
    public async Task<Paged<ProjectRow>> ListAsync(ElectionStage? stage, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var rows = await AllInScopeAsync(stage, ct);
        return new Paged<ProjectRow>(rows.Skip(window.Skip).Take(size).ToList(), rows.Count, p, size);
    }

    public async Task<IReadOnlyList<ProjectRow>> AllInScopeAsync(ElectionStage? stage, CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.ElectionsRead, ct);
        var rows = await db.ElectionProjects.AsNoTracking()
            .Join(orgs, p => p.OrganizationId, o => o.Id, (p, o) => new { p, o.Name, o.Path })
            .ToListAsync(ct);
        var stages = await StagesAsync(rows.Select(r => r.p.Id).ToList(), ct);
        return rows
            .Select(r => new ProjectRow(r.p.Id, r.p.OrganizationId, r.Name, r.p.Title, r.p.TermNumber, r.p.CurrentTermEndsOn, r.p.PlannedElectionOn,
                r.p.OpenedAt, r.p.ClosedAt, stages[r.p.Id]))
            .Where(r => stage is null || r.Stage == stage)
            .OrderBy(r => r.ClosedAt is not null).ThenBy(r => r.PlannedElectionOn ?? DateOnly.MaxValue).ThenBy(r => r.OrganizationName, StringComparer.Ordinal).ThenBy(r => r.Id)
            .ToList();
    }

    public async Task<ProjectView> GetAsync(int id, CancellationToken ct = default)
    {
        var orgId = await access.DemandAsync(id, Permission.ElectionsRead, ct);
        var p = await db.ElectionProjects.AsNoTracking().Include(x => x.Bodies).FirstAsync(x => x.Id == id, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        var counts = await db.Nominees.AsNoTracking().Where(n => n.ProjectId == id)
            .GroupBy(n => n.BodyId).Select(g => new { g.Key, All = g.Count(), OnList = g.Count(n => n.OnList) }).ToListAsync(ct);
        var withRounds = await db.ElectionRounds.AsNoTracking().Where(r => r.ProjectId == id).Select(r => r.BodyId).Distinct().ToListAsync(ct);
        var stage = (await StagesAsync([id], ct))[id];
        var owed = (await SeatsOwedAsync([id], ct)).GetValueOrDefault(id) ?? [];
        var bodies = p.Bodies.OrderBy(b => b.Kind).Select(b =>
        {
            var c = counts.FirstOrDefault(x => x.Key == b.Id);
            return new BodyView(b.Id, b.Kind, b.Seats, b.MinExtraPercent, DifferentialRule.MinimumCandidates(b.Seats, b.MinExtraPercent), b.ListFixedAt,
                c?.All ?? 0, c?.OnList ?? 0, withRounds.Contains(b.Id), b.Version, owed.FirstOrDefault(o => o.BodyId == b.Id));
        }).ToList();
        return new ProjectView(p.Id, p.OrganizationId, orgName, p.Title, p.TermNumber, p.CurrentTermEndsOn, p.PlannedElectionOn, p.Responsibilities,
            p.OpenedAt, p.ClosedAt, stage, p.ClosedAt is null && await access.MayWriteAsync(orgId, ct), p.Version, bodies);
    }

    /// <summary>What a new project for the organization starts from: the current team's term number plus one and its end (ELE-1).</summary>
    public async Task<ProjectDefaults> DefaultsAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.ElectionsRead, organizationId, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(ct);
        var team = await CurrentTeamAsync(organizationId, ct);
        var percents = Enum.GetValues<BodyKind>().ToDictionary(k => k, k => options.Value.PercentFor(k));
        return new ProjectDefaults(organizationId, name, (team?.TermNumber ?? 0) + 1, team?.EndsOn, percents);
    }

    /// <summary>The team in office today (<see cref="Domain.Teams.TermRules.InOffice"/>: an overdue team serves until the next starts), else the latest one.</summary>
    internal async Task<Domain.Teams.LeadershipTeam?> CurrentTeamAsync(int organizationId, CancellationToken ct)
    {
        var today = clock.Today;
        var teams = db.LeadershipTeams.AsNoTracking().Include(t => t.Positions).Where(t => t.OrganizationId == organizationId);
        return await teams.InOffice(db.LeadershipTeams, today).FirstOrDefaultAsync(ct)
            ?? await teams.OrderByDescending(t => t.StartsOn).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<ResearchView>> ResearchAsync(int id, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRead, ct);
        var rows = await db.ResearchRecords.AsNoTracking().Where(r => r.ProjectId == id).ToListAsync(ct);
        return rows.OrderBy(r => r.HeldOn).ThenBy(r => r.Id)
            .Select(r => new ResearchView(r.Id, r.Kind, r.HeldOn, r.Participants, r.Reference, r.Summary)).ToList();
    }

    public async Task<TalkOverview> TalksAsync(int id, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRead, ct);
        var rows = await db.TalkTargets.AsNoTracking().Where(t => t.ProjectId == id)
            .Join(db.People, t => t.PersonId, p => p.Id, (t, p) => new TalkView(t.Id, t.PersonId, p.Name, t.Status, t.TalkedOn, t.Note, t.Version))
            .ToListAsync(ct);
        var ordered = rows.OrderBy(t => t.Status != TalkStatus.NotYet).ThenBy(t => t.PersonName, StringComparer.Ordinal).ThenBy(t => t.Id).ToList();
        return new TalkOverview(TalkCoverage.Of(rows.Select(r => r.Status)), ordered);
    }

    public async Task<ChecklistOverview> ChecklistsAsync(int id, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRead, ct);
        var items = (await db.ChecklistItems.AsNoTracking().Where(c => c.ProjectId == id)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new ChecklistItemView(c.Id, c.PersonId, p.Name, c.Kind, c.Reason, c.DoneOn))
            .ToListAsync(ct))
            .OrderBy(i => i.Kind).ThenBy(i => i.Reason).ThenBy(i => i.PersonName, StringComparer.Ordinal).ThenBy(i => i.Id).ToList();
        var perKind = Enum.GetValues<ChecklistKind>().Select(k =>
        {
            var total = items.Count(i => i.Kind == k);
            var done = items.Count(i => i.Kind == k && i.DoneOn is not null);
            return new ChecklistKindProgress(k, total, done, total == 0 ? 0 : Math.Round(done * 100.0 / total, 1, MidpointRounding.AwayFromZero));
        }).ToList();
        return new ChecklistOverview(perKind, items, items.Where(i => i.DoneOn is null).ToList());
    }

    /// <summary>Every nominee of the project, all nomination routes in one list ordered by name (ELE-4: on equal footing).</summary>
    public async Task<IReadOnlyList<NomineeView>> NomineesAsync(int id, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRead, ct);
        var nominees = await db.Nominees.AsNoTracking().Include(n => n.Checks).Where(n => n.ProjectId == id).ToListAsync(ct);
        var personIds = nominees.Select(n => n.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var kinds = await db.ElectionBodies.AsNoTracking().Where(b => b.ProjectId == id).ToDictionaryAsync(b => b.Id, b => b.Kind, ct);
        return nominees
            .Select(n => View(n, names[n.PersonId], kinds[n.BodyId]))
            .OrderBy(n => n.PersonName, StringComparer.Ordinal).ThenBy(n => n.BodyKind).ThenBy(n => n.Id)
            .ToList();
    }

    public async Task<NomineeView> NomineeAsync(int id, int nomineeId, CancellationToken ct = default) =>
        (await NomineesAsync(id, ct)).FirstOrDefault(n => n.Id == nomineeId) ?? throw new NotFoundException("nominee", nomineeId);

    private NomineeView View(Nominee n, string name, BodyKind kind)
    {
        var blockers = Vetting.Blockers(n);
        return new NomineeView(n.Id, n.BodyId, kind, n.PersonId, name, n.Source, n.JointNominators, n.Profile, n.ReviewSummary, n.Statement, n.OnList,
            n.DisqualifiedByReportId, blockers, blockers.Select(b => rules[$"Election.Blocker.{b}"].Value).ToList(),
            n.Checks.OrderBy(c => c.Kind).Select(c => new VettingView(c.Id, c.Kind, c.Result, c.CheckedBy, c.CheckedOn, c.Note, c.Version)).ToList(),
            n.Version);
    }

    public async Task<IReadOnlyList<ReportView>> ReportsAsync(int id, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRead, ct);
        var withRounds = await db.ElectionRounds.AsNoTracking().Where(r => r.ProjectId == id).Select(r => r.BodyId).Distinct().ToListAsync(ct);
        var rows = await db.ReportCases.AsNoTracking().Where(r => r.ProjectId == id)
            .GroupJoin(db.Nominees, r => r.NomineeId, n => n.Id, (r, ns) => new { r, ns })
            .SelectMany(x => x.ns.DefaultIfEmpty(), (x, n) => new { x.r, n })
            .ToListAsync(ct);
        var personIds = rows.Where(x => x.n is not null).Select(x => x.n!.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return rows.OrderByDescending(x => x.r.ReceivedOn).ThenByDescending(x => x.r.Id).Select(x => new ReportView(
            x.r.Id, x.r.ReceivedOn, x.r.Summary, x.r.NomineeId, x.n is null ? null : names[x.n.PersonId], x.r.Stage, x.r.Findings, x.r.ConcludedOn,
            ReportFlow.Next(x.r.Stage),
            x.r.Stage == ReportStage.Proven && x.n is { OnList: true } && withRounds.Contains(x.n.BodyId),
            x.r.Version)).ToList();
    }

    public async Task<IReadOnlyList<SelectionView>> SelectionsAsync(int id, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRead, ct);
        var rows = await db.PublicSelections.AsNoTracking().Include(s => s.Records).Where(s => s.ProjectId == id).OrderBy(s => s.Id).ToListAsync(ct);
        return rows.Select(s => new SelectionView(s.Id, s.Kind, s.Post, SelectionPipeline.Next(s.Records.Select(r => r.Stage)),
            s.Records.OrderBy(r => r.Stage).Select(r => new StageRecordView(r.Stage, r.RecordedOn, r.Summary, r.Passed)).ToList(), s.Version)).ToList();
    }

    /// <summary>Each project's stage (ELE-1 dashboard), read from the facts of its records (<see cref="ElectionProgress"/>).</summary>
    private async Task<Dictionary<int, ElectionStage>> StagesAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var facts = await db.ElectionProjects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new
        {
            p.Id,
            Closed = p.ClosedAt != null,
            Research = db.ResearchRecords.Any(r => r.ProjectId == p.Id)
                || db.TalkTargets.Any(t => t.ProjectId == p.Id && t.Status != TalkStatus.NotYet)
                || db.ChecklistItems.Any(c => c.ProjectId == p.Id && c.DoneOn != null),
            Nominee = db.Nominees.Any(n => n.ProjectId == p.Id),
            ListFixed = db.ElectionBodies.Any(b => b.ProjectId == p.Id && b.ListFixedAt != null),
            Round = db.ElectionRounds.Any(r => r.ProjectId == p.Id),
            FormalPublished = db.ElectionRounds.Any(r => r.ProjectId == p.Id && r.Mode == ElectionMode.Formal && r.Status == RoundStatus.Published),
            FormalUnpublished = db.ElectionRounds.Any(r => r.ProjectId == p.Id && r.Mode == ElectionMode.Formal && r.Status != RoundStatus.Published),
        }).ToListAsync(ct);
        var owed = await SeatsOwedAsync(ids, ct);
        return facts.ToDictionary(f => f.Id, f => new ElectionProgress(f.Closed, f.Research, f.Nominee, f.ListFixed, f.Round, f.FormalPublished, !f.FormalUnpublished,
            owed.GetValueOrDefault(f.Id)?.Sum(o => o.Unfilled + o.Runoff) ?? 0).Stage);
    }

    /// <summary>Per project, the seats its counted formal rounds left to a run-off or 另行选举 (<see cref="SupplementaryElection.Owed"/>).</summary>
    private async Task<Dictionary<int, IReadOnlyList<SeatsOwed>>> SeatsOwedAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rounds = await db.ElectionRounds.AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.Mode == ElectionMode.Formal)
            .Select(r => new { r.Id, r.ProjectId, r.BodyId, r.RunoffOfRoundId, r.Status, r.ResultJson }).ToListAsync(ct);
        return rounds.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g => SupplementaryElection.Owed(g.Select(r =>
            new FormalRound(r.Id, r.BodyId, r.RunoffOfRoundId, r.Status is RoundStatus.Counted or RoundStatus.Published ? CountJson.ReadResult(r.ResultJson) : null))));
    }
}
