using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// The steps of a selection case up to the shortlist, the decision, corrections and stopping (CAD-3). Each loads the case
/// (Cadres.Write on its organization, the editor's version), calls one method of <see cref="SelectionCase"/>, names the
/// audit action and saves. Who did it is the signed-in account's name; when is the server's clock.
/// </summary>
public sealed class SelectionCommands(
    DangjianDbContext db, ScopeService scopes, SelectionCaseStore store, SelectionQueries queries, CurrentUser user, TimeProvider time)
{
    public static SelectionRules Rules => SelectionRules.Defaults;

    public async Task<SelectionCaseView> OpenAsync(OpenSelectionRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.CadresWrite, orgId, ct);
        if (r.Posts is null)
        {
            throw new InputValidationException(new FieldErrors().Add("posts", "Input.Required", "Field.Selection.Posts"));
        }

        var c = SelectionCase.Open(orgId, r.Post ?? string.Empty, r.Posts.Value, r.Qualifications ?? string.Empty, user.Name, time.GetUtcNow());
        db.SelectionCases.Add(c);
        db.AuditAction = "SelectionCase.Opened";
        await db.SaveChangesAsync(ct);
        return await queries.CaseAsync(c.Id, ct);
    }

    /// <summary>会议推荐: a recommendation round of the elections module the caller can see.</summary>
    public async Task<SelectionCaseView> LinkMeetingRecommendationAsync(int id, MeetingRecommendationRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.RecommendationRoundId is not { } roundId)
        {
            throw new InputValidationException(new FieldErrors().Add("recommendationRoundId", "Input.Required", "Field.Selection.RecommendationRound"));
        }

        var round = await db.ElectionRounds.AsNoTracking().Where(x => x.Id == roundId)
            .Join(db.ElectionProjects, x => x.ProjectId, p => p.Id, (x, p) => new { x.Mode, p.OrganizationId }).FirstOrDefaultAsync(ct);
        if (round is null || !await scopes.MayAsync(Permission.CadresRead, round.OrganizationId, ct))
        {
            throw new DomainRuleException("Selection.NoSuchRound", "recommendationRoundId", roundId);
        }

        SelectionLinks.DemandRecommendationRound(round.Mode);
        c.LinkMeetingRecommendation(roundId, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.MeetingRecommendation", ct);
        return await queries.CaseAsync(id, ct);
    }

    /// <summary>谈话推荐: one talk, who recommended which person.</summary>
    public async Task<SelectionCaseView> RecordTalkAsync(int id, TalkRecommendationRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        var person = (await store.PeopleAsync(r.PersonId is { } p ? new[] { p } : null, "personId", "Field.Selection.Person", ct))[0];
        c.RecordTalkRecommendation(r.Recommender ?? string.Empty, person.PersonId, person.Name, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.TalkRecommendation", ct);
        return await queries.CaseAsync(id, ct);
    }

    /// <summary>确定考察对象: the differential rule on the number (CAD-4).</summary>
    public async Task<SelectionCaseView> ShortlistAsync(int id, ShortlistRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        var people = await store.PeopleAsync(r.PersonIds, "candidates", "Field.Selection.Candidates", ct);
        c.Shortlist(people, Rules, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.Shortlisted", ct);
        return await queries.CaseAsync(id, ct);
    }

    /// <summary>
    /// 讨论决定: an agenda item on a cadre matter adopted at a meeting of the vacancy's organization or one above it (the
    /// meetings module decided it with the two-thirds quorum of cadre items), and the candidates it chose.
    /// </summary>
    public async Task<SelectionCaseView> RecordDecisionAsync(int id, DecisionRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.AgendaItemId is not { } itemId)
        {
            throw new InputValidationException(new FieldErrors().Add("agendaItemId", "Input.Required", "Field.Selection.AgendaItem"));
        }

        var item = await db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i, m.OrganizationId }).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("Selection.NoSuchAgendaItem", "agendaItemId", itemId);
        var paths = await db.Organizations.AsNoTracking().Where(o => o.Id == c.OrganizationId || o.Id == item.OrganizationId)
            .ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        SelectionLinks.DemandAdoptedCadreItem(paths[c.OrganizationId], paths[item.OrganizationId], item.i.Category, item.i.FinalOutcome);
        c.RecordDecision(itemId, r.ChosenPersonIds ?? [], user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.Decided", ct);
        return await queries.CaseAsync(id, ct);
    }

    /// <summary>Corrects an entry's wording with a reason; the entry itself stays as it was.</summary>
    public async Task<SelectionCaseView> CorrectAsync(int id, CorrectionRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.Sequence is not { } sequence)
        {
            throw new InputValidationException(new FieldErrors().Add("corrects", "Input.Required", "Field.Selection.Corrects"));
        }

        c.Correct(sequence, r.Text ?? string.Empty, r.Reason ?? string.Empty, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.Corrected", ct);
        return await queries.CaseAsync(id, ct);
    }

    public async Task<SelectionCaseView> StopAsync(int id, StopRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        c.Stop(r.Reason ?? string.Empty, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.Stopped", ct);
        return await queries.CaseAsync(id, ct);
    }
}
