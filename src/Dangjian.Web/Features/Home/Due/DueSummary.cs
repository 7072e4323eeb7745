using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Study;
using Dangjian.Domain.Supervision;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Selection;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Dues;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Features.Evaluations.Results;
using Dangjian.Web.Features.Meetings.Compliance;
using Dangjian.Web.Features.Services.Requests;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Features.Supervision.Notices;
using Dangjian.Web.Features.Supervision.Reports;
using Dangjian.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Home.Due;

/// <summary>
/// What is due across the modules (RPT-1), one method per module figure. Each figure is counted by the module's own
/// query (the one behind its list page), so the dashboard never holds a rule of its own: the subtree is either the
/// organization asked for (which must be in the caller's scope for Organizations.Read: refused or not found otherwise)
/// or, when none is named, every subtree root where the caller reads the module. A module the caller does not read
/// there gives null, not zero.
/// </summary>
public sealed class DueSummary(
    DangjianDbContext db, ScopeService scopes, OrgClock clock, TeamQueries teams, ElectionProjectQueries elections, ComplianceQueries compliance,
    ResultsQueries evaluationResults, CommitmentQueries commitments, StudyComplianceQueries study, DuesQueries dues, NoticeQueries notices,
    ReportQueries reports, SelectionQueries selections, ServiceRequestQueries serviceRequests)
{
    /// <summary>Every figure, for the organization's subtree or the caller's whole scope.</summary>
    public async Task<DueSummaryView> GetAsync(int? organizationId, CancellationToken ct = default)
    {
        (string Name, OrganizationKind Kind)? org = null;
        if (organizationId is { } id)
        {
            await scopes.DemandAsync(Permission.OrganizationsRead, id, ct);
            var found = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, o.Kind }).FirstAsync(ct);
            org = (found.Name, found.Kind);
        }
        else
        {
            await scopes.DemandHeldAsync(Permission.OrganizationsRead, ct);
        }

        return new DueSummaryView(
            organizationId, org?.Name, org?.Kind, clock.Today,
            await TermsAsync(organizationId, ct),
            await ElectionsAsync(organizationId, ct),
            await MeetingsOverdueAsync(organizationId, ct),
            await DemocraticLifeAsync(organizationId, ct),
            await EvaluationFollowUpsAsync(organizationId, ct),
            await CommitmentsAsync(organizationId, ct),
            await StudyAsync(organizationId, ct),
            await DuesAsync(organizationId, ct),
            await SupervisionAsync(organizationId, ct),
            await SelectionsInPublicityAsync(organizationId, ct),
            await ServiceRequestsOverdueAsync(organizationId, ct));
    }

    /// <summary>
    /// The branch whose to-do list is the caller's home page: when every role of the account is held at one and the same
    /// branch (a 党支部 or 党总支 and below, as the demo secretary), else null.
    /// </summary>
    public async Task<OrganizationOption?> OwnBranchAsync(CancellationToken ct = default)
    {
        var orgIds = (await scopes.GetAsync(ct)).Grants.Select(g => g.OrganizationId).Distinct().ToList();
        if (orgIds.Count != 1 || !await scopes.MayAsync(Permission.OrganizationsRead, orgIds[0], ct))
        {
            return null;
        }

        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgIds[0]).Select(o => new { o.Id, o.Name, o.Kind }).FirstAsync(ct);
        return org.Kind.Tier() >= OrganizationKind.GeneralBranch.Tier() ? new OrganizationOption(org.Id, org.Name) : null;
    }

    /// <summary>换届: the Teams module's expiring terms (its default horizon), within the subtree.</summary>
    public async Task<TermsDue?> TermsAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.OrganizationsRead, organizationId, ct))
        {
            return null;
        }

        var within = await SubtreeAsync(organizationId, ct);
        var expiring = (await teams.ExpiringAsync(TeamQueries.DefaultExpiryMonths, ct))
            .Where(e => within is null || within.Contains(e.OrganizationId)).ToList();
        return new TermsDue(expiring.Count(e => e.State == TermExpiryState.EndingSoon), expiring.Count(e => e.State == TermExpiryState.Overdue));
    }

    /// <summary>Election projects in progress (not closed), per stage as the Elections module derives it.</summary>
    public async Task<IReadOnlyList<StageCount>?> ElectionsAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.ElectionsRead, organizationId, ct))
        {
            return null;
        }

        var within = await SubtreeAsync(organizationId, ct);
        var rows = (await elections.AllInScopeAsync(null, ct))
            .Where(r => r.Stage != ElectionStage.Closed && (within is null || within.Contains(r.OrganizationId)));
        return [.. rows.GroupBy(r => r.Stage).OrderBy(g => g.Key).Select(g => new StageCount(g.Key, g.Count()))];
    }

    /// <summary>三会一课: (organization, meeting type) pairs overdue this year, by the Meetings compliance rules.</summary>
    public async Task<int?> MeetingsOverdueAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.MeetingsRead, organizationId, ct))
        {
            return null;
        }

        var within = await SubtreeAsync(organizationId, ct);
        var rows = await compliance.AllAsync(new ComplianceFilter(OverdueOnly: true), ct);
        return rows.Count(r => within is null || within.Contains(r.OrganizationId));
    }

    /// <summary>民主生活会 of this year or earlier not held yet, and the rectification measures still open (by the measure's own overdue rule).</summary>
    public async Task<DemocraticLifeDue?> DemocraticLifeAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.MeetingsRead, organizationId, ct))
        {
            return null;
        }

        var orgIds = await ReadableIdsAsync(Permission.MeetingsRead, organizationId, ct);
        var today = clock.Today;
        var notHeld = await db.DemocraticLifeMeetings.AsNoTracking()
            .CountAsync(m => orgIds.Contains(m.OrganizationId) && m.Year <= today.Year && m.Status != DemocraticLifeStatus.Held, ct);
        var open = await db.DemocraticLifeRectifications.AsNoTracking()
            .Where(r => r.Status == RectificationStatus.Open)
            .Where(r => db.DemocraticLifeProblems.Any(p => p.Id == r.ProblemId && db.DemocraticLifeMeetings.Any(m => m.Id == p.MeetingId && orgIds.Contains(m.OrganizationId))))
            .ToListAsync(ct);
        return new DemocraticLifeDue(notHeld, open.Count, open.Count(r => r.IsOverdueOn(today)));
    }

    /// <summary>评议 follow-ups still open, in the campaigns of the subtree the caller runs (who alone reads follow-ups).</summary>
    public async Task<int?> EvaluationFollowUpsAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.EvaluationsRun, organizationId, ct))
        {
            return null;
        }

        var orgIds = await ReadableIdsAsync(Permission.EvaluationsRun, organizationId, ct);
        var campaigns = await db.EvaluationFollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Open)
            .Join(db.EvaluationCampaigns.Where(c => orgIds.Contains(c.OrganizationId)), f => f.CampaignId, c => c.Id, (f, c) => c.Id)
            .Distinct().ToListAsync(ct);
                var count = 0;
        foreach (var campaignId in campaigns)
        {
            count += (await evaluationResults.FollowUpsAsync(campaignId, ct)).Count(f => f.Status == FollowUpStatus.Open);
        }

        return count;
    }

    /// <summary>承诺践诺: the ledger's overdue items and items in rectification, over every campaign that reaches the subtree.</summary>
    public async Task<CommitmentsDue?> CommitmentsAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.CommitmentsRead, organizationId, ct))
        {
            return null;
        }

        var campaigns = new List<int>();
        for (var page = 1; ; page++)
        {
            var list = await commitments.ListCampaignsAsync(organizationId, null, page, Paging.MaxPageSize, ct);
            campaigns.AddRange(list.Items.Select(c => c.Id));
            if (page * Paging.MaxPageSize >= list.Total)
            {
                break;
            }
        }

        int overdue = 0, rectifying = 0;
        foreach (var id in campaigns)
        {
            overdue += (await commitments.LedgerAsync(id, new LedgerFilter(null, null, organizationId, null, null, null, true, null), 1, 1, ct)).Total;
            rectifying += (await commitments.LedgerAsync(id, new LedgerFilter(Domain.Commitments.CommitmentStatus.Rectifying, null, organizationId, null, null, null, null, null), 1, 1, ct)).Total;
        }

        return new CommitmentsDue(overdue, rectifying);
    }

    /// <summary>学习: the Study compliance rows today, per subtree root: shortfalls and exam states.</summary>
    public async Task<StudyDue?> StudyAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.StudyRead, organizationId, ct))
        {
            return null;
        }

        var rows = new List<StudyComplianceRow>();
        foreach (var root in await RootsAsync(Permission.StudyRead, organizationId, ct))
        {
            rows.AddRange((await study.AllAsync(root, null, false, ct)).Rows);
        }

        return new StudyDue(rows.Count(r => r.Shortfall), rows.Count, rows.Count(r => r.Exam == ExamState.MakeUpDue), rows.Count(r => r.Exam == ExamState.Suspended));
    }

    /// <summary>党费: the Dues ledger's default range, per subtree root: members with arrears and those flagged.</summary>
    public async Task<DuesDue?> DuesAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.DuesRead, organizationId, ct))
        {
            return null;
        }

        int members = 0, flagged = 0;
        decimal arrears = 0;
        foreach (var root in await RootsAsync(Permission.DuesRead, organizationId, ct))
        {
            var ledger = await dues.LedgerAsync(root, null, null, ct);
            members += ledger.Members.Count(m => m.Arrears > 0);
            arrears += ledger.Arrears;
            flagged += ledger.FlaggedCount;
        }

        return new DuesDue(members, arrears, flagged);
    }

    /// <summary>监督: rectification notices not closed and overdue (the notices' own rule), and report-box cases not concluded.</summary>
    public async Task<SupervisionDue?> SupervisionAsync(int? organizationId, CancellationToken ct = default)
    {
        var readsNotices = await ReadsAsync(Permission.SupervisionRead, organizationId, ct);
        var readsReports = await ReadsAsync(Permission.SupervisionReports, organizationId, ct);
        if (!readsNotices && !readsReports)
        {
            return null;
        }

        int open = 0, overdue = 0, openReports = 0;
        if (readsNotices)
        {
            foreach (var root in await RootsAsync(Permission.SupervisionRead, organizationId, ct))
            {
                var (_, _, _, rows) = await notices.AllAsync(new NoticeFilter(root), ct);
                open += rows.Count(n => n.Status != RectificationNoticeStatus.Closed);
                overdue += rows.Count(n => n.Overdue);
            }
        }

        if (readsReports)
        {
            openReports = (await reports.AllAsync(organizationId, null, null, ct)).Count(r => r.Status != ReportCaseStatus.Concluded);
        }

        return new SupervisionDue(open, overdue, openReports);
    }

    /// <summary>干部选拔: cases in their publicity (任前公示).</summary>
    public async Task<int?> SelectionsInPublicityAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.CadresRead, organizationId, ct))
        {
            return null;
        }

        return (await selections.ListAsync(organizationId, SelectionPhase.InPublicity, null, 1, 1, ct)).Cases.Total;
    }

    /// <summary>三服务: requests past their take-up or answer limit (the Services module's overdue filter).</summary>
    public async Task<int?> ServiceRequestsOverdueAsync(int? organizationId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(Permission.ServicesRead, organizationId, ct))
        {
            return null;
        }

        return (await serviceRequests.ListAsync(new ServiceRequestFilter(organizationId, null, null, true, null), 1, 1, ct)).Requests.Total;
    }

    /// <summary>Whether the caller reads the module on the organization, or anywhere when none is named.</summary>
    private async Task<bool> ReadsAsync(Permission permission, int? organizationId, CancellationToken ct) =>
        organizationId is { } id ? await scopes.MayAsync(permission, id, ct) : await scopes.HoldsAsync(permission, ct);

    /// <summary>The ids of the organization's subtree, or null for "the caller's whole scope" (the module's query scopes itself).</summary>
    private async Task<HashSet<int>?> SubtreeAsync(int? organizationId, CancellationToken ct)
    {
        if (organizationId is not { } id)
        {
            return null;
        }

        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstAsync(ct);
        return [.. await ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]).Select(o => o.Id).ToListAsync(ct)];
    }

    /// <summary>The organizations of the subtree (or of the caller's scope) where the caller holds the permission.</summary>
    private async Task<IQueryable<int>> ReadableIdsAsync(Permission permission, int? organizationId, CancellationToken ct)
    {
        var readable = await scopes.OrganizationsAsync(permission, ct);
        if (organizationId is { } id)
        {
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstAsync(ct);
            var subtree = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]).Select(o => o.Id);
            return readable.Where(o => subtree.Contains(o.Id)).Select(o => o.Id);
        }

        return readable.Select(o => o.Id);
    }

    /// <summary>For queries that take one organization: that one, or the roots of the caller's scope for the permission.</summary>
    private async Task<IReadOnlyList<int>> RootsAsync(Permission permission, int? organizationId, CancellationToken ct)
    {
        if (organizationId is { } id)
        {
            return [id];
        }

        var paths = (await scopes.GetAsync(ct)).Roots(permission).ToList();
        return await db.Organizations.AsNoTracking().Where(o => paths.Contains(o.Path) && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Path).Select(o => o.Id).ToListAsync(ct);
    }
}
