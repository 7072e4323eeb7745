using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>Selection cases read by staff (Cadres.Read on the case's organization): the list over a subtree, one case with its whole trace.</summary>
public sealed class SelectionQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    /// <summary>A page of cases in the caller's reach (or under one organization), newest first, by phase and a word of the post.</summary>
    public async Task<SelectionCaseList> ListAsync(
        int? organizationId, SelectionPhase? phase, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (cases, canWrite) = await FilteredAsync(organizationId, phase, search, ct);
        var total = await cases.CountAsync(ct);
        var ids = await cases.OrderByDescending(c => c.Id).Skip(new PageWindow(p, size).Skip).Take(size).Select(c => c.Id).ToListAsync(ct);
        return new SelectionCaseList(new Paged<SelectionCaseRow>(await RowsAsync(ids, ct), total, p, size), canWrite);
    }

    /// <summary>Every case of the filter (what the export writes), newest first.</summary>
    public async Task<IReadOnlyList<SelectionCaseRow>> AllAsync(int? organizationId, SelectionPhase? phase, string? search, CancellationToken ct = default)
    {
        var (cases, _) = await FilteredAsync(organizationId, phase, search, ct);
        return await RowsAsync(await cases.OrderByDescending(c => c.Id).Select(c => c.Id).ToListAsync(ct), ct);
    }

    public async Task<SelectionCaseView> CaseAsync(int id, CancellationToken ct = default)
    {
        var orgId = await db.SelectionCases.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "selection case", id, Permission.CadresRead, ct);
        var c = await db.SelectionCases.AsNoTracking().Include(x => x.Trace).Include(x => x.Candidates).Include(x => x.Team).Include(x => x.Objections)
            .AsSplitQuery().FirstAsync(x => x.Id == id, ct);
        SelectionCaseStore.Order(c);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var talks = c.TalkTally();
        var (min, max) = SelectionCommands.Rules.InspectedRange(c.Posts);
        var trace = c.Trace.Select(e => new SelectionTraceView(
            e.Sequence, e.Step, e.By, clock.Format(e.At), e.PersonId, e.PersonName, e.GivenBy, e.LinkedId, e.Method, e.Circle, e.Text,
            c.CurrentText(e.Sequence), e.Corrects, e.Reason,
            [.. c.Trace.Where(x => x.Step == SelectionStep.Correction && x.Corrects == e.Sequence).Select(x => x.Sequence)],
            e.Step == SelectionStep.ObjectionReceived && e.GivenBy is null)).ToList();
        return new SelectionCaseView(
            c.Id, c.OrganizationId, orgName, c.Post, c.Posts, c.Qualifications, c.Phase, c.IsStopped, c.NextStep, min, max,
            c.PublicityStart, c.PublicityLastDay, c.PublicityRunsOn(clock.Today), c.AppointedOn, c.ProbationMonths, c.ProbationLastDay, c.ProbationOutcome,
            trace,
            [.. c.Candidates.Select(x => new SelectionCandidateView(
                x.PersonId, x.Name, talks.FirstOrDefault(t => t.PersonId == x.PersonId).Talks, x.LifeCircleFinding, x.SocialCircleFinding, x.Finding, x.Chosen))],
            [.. talks.Select(t => new TalkTallyView(t.PersonId, t.Name, t.Talks))],
            [.. c.Team.Select(m => new TeamMemberView(m.PersonId, m.Name, m.CertificateNumber, m.CertificateExpiresOn))],
            [.. c.Objections.Select(o => new ObjectionView(
                o.Number, o.ReceivedOn, o.SubmitterName, o.Text, o.Outcome, o.Finding, o.Answer, o.ConcludedBy, o.ConcludedAt is { } at ? clock.Format(at) : null))],
            await RoundAsync(c, ct), await DecisionAsync(c, ct),
            await scopes.MayAsync(Permission.CadresWrite, c.OrganizationId, ct), c.Version);
    }

    /// <summary>People for the pickers: on the roll, within the caller's Cadres.Read reach, by a part of the name.</summary>
    public async Task<IReadOnlyList<SelectionPersonOption>> PeopleAsync(string? text, CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.CadresRead, ct);
        var people = db.People.AsNoTracking().Where(p => !p.IsRemoved).Join(orgs, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, p.Name, Org = o.Name });
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            people = people.Where(p => p.Name.Contains(t));
        }

        return [.. (await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(30).ToListAsync(ct)).Select(p => new SelectionPersonOption(p.Id, p.Name, p.Org))];
    }

    private async Task<(IQueryable<SelectionCase> Cases, bool CanWrite)> FilteredAsync(int? organizationId, SelectionPhase? phase, string? search, CancellationToken ct)
    {
        IQueryable<Organization> orgs;
        bool canWrite;
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
            orgs = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]);
            canWrite = await scopes.MayAsync(Permission.CadresWrite, orgId, ct);
        }
        else
        {
            await scopes.DemandHeldAsync(Permission.CadresRead, ct);
            orgs = await scopes.OrganizationsAsync(Permission.CadresRead, ct);
            canWrite = await scopes.HoldsAsync(Permission.CadresWrite, ct);
        }

        var orgIds = orgs.Select(o => o.Id);
        var cases = db.SelectionCases.AsNoTracking().Where(c => orgIds.Contains(c.OrganizationId));
        if (phase is { } ph)
        {
            cases = cases.Where(c => c.Phase == ph);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            cases = cases.Where(c => c.Post.Contains(s));
        }

        return (cases, canWrite);
    }

    private async Task<List<SelectionCaseRow>> RowsAsync(List<int> ids, CancellationToken ct)
    {
        var cases = await db.SelectionCases.AsNoTracking().Where(c => ids.Contains(c.Id)).Include(c => c.Objections).ToListAsync(ct);
        var firsts = await db.SelectionTraceEntries.AsNoTracking().Where(e => ids.Contains(e.CaseId) && e.Sequence == 1).ToDictionaryAsync(e => e.CaseId, ct);
        var orgIds = cases.Select(c => c.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. ids.Select(id => cases.First(c => c.Id == id)).Select(c => new SelectionCaseRow(
            c.Id, c.OrganizationId, names[c.OrganizationId], c.Post, c.Posts, c.Phase, c.IsStopped, c.NextStep, c.PublicityLastDay, c.AppointedOn,
            c.OpenObjections.Count(), firsts.TryGetValue(c.Id, out var f) ? f.By : string.Empty, f is null ? string.Empty : clock.Format(f.At)))];
    }

    private async Task<RoundLinkView?> RoundAsync(SelectionCase c, CancellationToken ct)
    {
        var roundId = c.Trace.FirstOrDefault(e => e.Step == SelectionStep.MeetingRecommendation)?.LinkedId;
        if (roundId is null)
        {
            return null;
        }

        var round = await db.ElectionRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.Id, r.Title, r.Status, r.ResultJson }).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var result = CountJson.ReadResult(round.ResultJson);
        var top = result?.Results.OrderByDescending(x => x.For).ThenBy(x => x.Name, StringComparer.Ordinal).Take(10).Select(x => new RoundResultView(x.Name, x.For)).ToList();
        return new RoundLinkView(round.Id, round.Title, round.Status, top ?? []);
    }

    private async Task<AgendaLinkView?> DecisionAsync(SelectionCase c, CancellationToken ct)
    {
        var itemId = c.Trace.FirstOrDefault(e => e.Step == SelectionStep.Decision)?.LinkedId;
        if (itemId is null)
        {
            return null;
        }

        var item = await db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i, m.Title, m.Date }).FirstOrDefaultAsync(ct);
        return item is null ? null : new AgendaLinkView(
            item.i.Id, item.i.MeetingId, item.Title, item.Date, item.i.Title, item.i.FinalOutcome,
            item.i.EntitledCount, item.i.PresentCount, item.i.VotesFor, item.i.VotesAgainst, item.i.VotesAbstain);
    }
}
