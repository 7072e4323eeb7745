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
/// there gives null, not zero. One load reads the organization and its subtree once, counts the commitment and
/// evaluation figures with one set-based query each over every campaign (<see cref="CommitmentQueries.DueCountsAsync"/>,
/// <see cref="ResultsQueries.OpenFollowUpCountAsync"/>), not one per campaign, and the study, dues and notice figures
/// with one read each over every organization of the subtree or scope (<see cref="StudyComplianceQueries.OfOrganizationsAsync"/>,
/// <see cref="DuesQueries.DueCountsAsync"/>, <see cref="NoticeQueries.DueCountsAsync"/>), not one per subtree root.
/// </summary>
public sealed class DueSummary(
    DangjianDbContext db, ScopeService scopes, OrgClock clock, TeamQueries teams, ElectionProjectQueries elections, ComplianceQueries compliance,
    ResultsQueries evaluationResults, CommitmentQueries commitments, StudyComplianceQueries study, DuesQueries dues, NoticeQueries notices,
    ReportQueries reports, SelectionQueries selections, ServiceRequestQueries serviceRequests)
{
    /// <summary>Every figure, for the organization's subtree or the caller's whole scope.</summary>
    public async Task<DueSummaryView> GetAsync(int? organizationId, CancellationToken ct = default)
    {
        // The organization and its subtree are read once here (path, name, kind, then the subtree's ids) and shared by
        // every figure below, which used to read them again each.
        Within? within = null;
        if (organizationId is { } id)
        {
            await scopes.DemandAsync(Permission.OrganizationsRead, id, ct);
            var found = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, o.Kind, o.Path }).FirstAsync(ct);
            within = new Within(id, found.Path, found.Name, found.Kind,
                [.. await ScopeQuery.Within(db.Organizations.AsNoTracking(), [found.Path]).Select(o => o.Id).ToListAsync(ct)]);
        }
        else
        {
            await scopes.DemandHeldAsync(Permission.OrganizationsRead, ct);
        }

        return new DueSummaryView(
            organizationId, within?.Name, within?.Kind, clock.Today,
            await TermsAsync(within, ct),
            await ElectionsAsync(within, ct),
            await MeetingsOverdueAsync(within, ct),
            await DemocraticLifeAsync(within, ct),
            await EvaluationFollowUpsAsync(within, ct),
            await CommitmentsAsync(within, ct),
            await StudyAsync(within, ct),
            await DuesAsync(within, ct),
            await SupervisionAsync(within, ct),
            await SelectionsInPublicityAsync(within, ct),
            await ServiceRequestsOverdueAsync(within, ct));
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
    private async Task<TermsDue?> TermsAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.OrganizationsRead, within, ct))
        {
            return null;
        }

        var expiring = (await teams.ExpiringAsync(TeamQueries.DefaultExpiryMonths, ct))
            .Where(e => within is null || within.Ids.Contains(e.OrganizationId)).ToList();
        return new TermsDue(expiring.Count(e => e.State == TermExpiryState.EndingSoon), expiring.Count(e => e.State == TermExpiryState.Overdue));
    }

    /// <summary>Election projects in progress (not closed), per stage as the Elections module derives it.</summary>
    private async Task<IReadOnlyList<StageCount>?> ElectionsAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.ElectionsRead, within, ct))
        {
            return null;
        }

        var rows = (await elections.AllInScopeAsync(null, ct))
            .Where(r => r.Stage != ElectionStage.Closed && (within is null || within.Ids.Contains(r.OrganizationId)));
        return [.. rows.GroupBy(r => r.Stage).OrderBy(g => g.Key).Select(g => new StageCount(g.Key, g.Count()))];
    }

    /// <summary>三会一课: (organization, meeting type) pairs overdue this year, by the Meetings compliance rules.</summary>
    private async Task<int?> MeetingsOverdueAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.MeetingsRead, within, ct))
        {
            return null;
        }

        var rows = await compliance.AllAsync(new ComplianceFilter(OverdueOnly: true), ct);
        return rows.Count(r => within is null || within.Ids.Contains(r.OrganizationId));
    }

    /// <summary>民主生活会 of this year or earlier not held yet, and the rectification measures still open (by the measure's own overdue rule).</summary>
    private async Task<DemocraticLifeDue?> DemocraticLifeAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.MeetingsRead, within, ct))
        {
            return null;
        }

        var orgIds = await ReadableIdsAsync(Permission.MeetingsRead, within, ct);
        var today = clock.Today;
        var notHeld = await db.DemocraticLifeMeetings.AsNoTracking()
            .CountAsync(m => orgIds.Contains(m.OrganizationId) && m.Year <= today.Year && m.Status != DemocraticLifeStatus.Held, ct);
        var open = await db.DemocraticLifeRectifications.AsNoTracking()
            .Where(r => r.Status == RectificationStatus.Open)
            .Where(r => db.DemocraticLifeProblems.Any(p => p.Id == r.ProblemId && db.DemocraticLifeMeetings.Any(m => m.Id == p.MeetingId && orgIds.Contains(m.OrganizationId))))
            .ToListAsync(ct);
        return new DemocraticLifeDue(notHeld, open.Count, open.Count(r => r.IsOverdueOn(today)));
    }

    /// <summary>
    /// One count over every campaign (it was one query per campaign): the open follow-ups of the campaigns the caller may run
    /// (<see cref="CampaignPermissions.ToRun"/>, which the follow-up list demands of each) in the subtree.
    /// </summary>
    private async Task<int?> EvaluationFollowUpsAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.EvaluationsRun, within, ct))
        {
            return null;
        }

        var orgIds = await ReadableIdsAsync(Permission.EvaluationsRun, within, ct);
        var memberReviewIds = await ReadableIdsAsync(Permission.EvaluationsRunMemberReview, within, ct);
        return await evaluationResults.OpenFollowUpCountAsync(orgIds, memberReviewIds, ct);
    }

    /// <summary>Every campaign that reaches the subtree at once, by the ledger's own rules (it was two ledger reads per campaign).</summary>
    private async Task<CommitmentsDue?> CommitmentsAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.CommitmentsRead, within, ct))
        {
            return null;
        }

        var (overdue, rectifying) = await commitments.DueCountsAsync(within?.Id, ct);
        return new CommitmentsDue(overdue, rectifying);
    }

    /// <summary>学习: the Study compliance rows today of the subtree (or every organization the caller reads it in), in one read: shortfalls and exam states.</summary>
    private async Task<StudyDue?> StudyAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.StudyRead, within, ct))
        {
            return null;
        }

        var rows = await study.OfOrganizationsAsync(await ReadableIdsAsync(Permission.StudyRead, within, ct), ct);
        return new StudyDue(rows.Count(r => r.Shortfall), rows.Count, rows.Count(r => r.Exam == ExamState.MakeUpDue), rows.Count(r => r.Exam == ExamState.Suspended));
    }

    /// <summary>党费: the Dues ledger's default range over the subtree (or the caller's scope), in one read: members with arrears and those flagged.</summary>
    private async Task<DuesDue?> DuesAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.DuesRead, within, ct))
        {
            return null;
        }

        var (members, arrears, flagged) = await dues.DueCountsAsync(await ReadableIdsAsync(Permission.DuesRead, within, ct), ct);
        return new DuesDue(members, arrears, flagged);
    }

    /// <summary>监督: rectification notices not closed and overdue (the notices' own rule), in one read; and report-box cases not concluded.</summary>
    private async Task<SupervisionDue?> SupervisionAsync(Within? within, CancellationToken ct)
    {
        var readsNotices = await ReadsAsync(Permission.SupervisionRead, within, ct);
        var readsReports = await ReadsAsync(Permission.SupervisionReports, within, ct);
        if (!readsNotices && !readsReports)
        {
            return null;
        }

        var (open, overdue) = readsNotices ? await notices.DueCountsAsync(await ReadableIdsAsync(Permission.SupervisionRead, within, ct), ct) : (0, 0);
        var openReports = readsReports ? (await reports.AllAsync(within?.Id, null, null, ct)).Count(r => r.Status != ReportCaseStatus.Concluded) : 0;
        return new SupervisionDue(open, overdue, openReports);
    }

    /// <summary>干部选拔: cases in their publicity (任前公示).</summary>
    private async Task<int?> SelectionsInPublicityAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.CadresRead, within, ct))
        {
            return null;
        }

        return (await selections.ListAsync(within?.Id, SelectionPhase.InPublicity, null, 1, 1, ct)).Cases.Total;
    }

    /// <summary>三服务: requests past their take-up or answer limit (the Services module's overdue filter).</summary>
    private async Task<int?> ServiceRequestsOverdueAsync(Within? within, CancellationToken ct)
    {
        if (!await ReadsAsync(Permission.ServicesRead, within, ct))
        {
            return null;
        }

        return (await serviceRequests.ListAsync(new ServiceRequestFilter(within?.Id, null, null, true, null), 1, 1, ct)).Requests.Total;
    }

    /// <summary>The organization asked for, its path and its subtree's ids: read once per dashboard load; null for the caller's whole scope (each module's query scopes itself).</summary>
    private sealed record Within(int Id, string Path, string Name, OrganizationKind Kind, HashSet<int> Ids);

    /// <summary>Whether the caller reads the module on the organization (by its path, already read), or anywhere when none is named.</summary>
    private async Task<bool> ReadsAsync(Permission permission, Within? within, CancellationToken ct) =>
        within is null ? await scopes.HoldsAsync(permission, ct) : (await scopes.GetAsync(ct)).Allows(permission, within.Path);

    /// <summary>The organizations of the subtree (or of the caller's scope) where the caller holds the permission, as a subquery.</summary>
    private async Task<IQueryable<int>> ReadableIdsAsync(Permission permission, Within? within, CancellationToken ct)
    {
        var readable = await scopes.OrganizationsAsync(permission, ct);
        if (within is not null)
        {
            var subtree = ScopeQuery.Within(db.Organizations.AsNoTracking(), [within.Path]).Select(o => o.Id);
            return readable.Where(o => subtree.Contains(o.Id)).Select(o => o.Id);
        }

        return readable.Select(o => o.Id);
    }
}
