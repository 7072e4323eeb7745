using System.Text.Json;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Surveys;

/// <summary>What a satisfaction vote is about, as far as the vote needs it: whose it is (scope) and what it is called.</summary>
public sealed record SatisfactionTarget(int OrganizationId, string Title);

/// <summary>
/// The one place that knows what a 满意度测评 can be attached to (SRV-3, 群众满意票反馈制: meetings, democratic life
/// meetings, election projects, evaluation campaigns, commitment items, theory lectures). A vote belongs to its target's organization, so the target's
/// scope decides who may run or read it.
/// </summary>
public sealed class SatisfactionTargets(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>The resource key of a text that differs by target kind (the question asked, for one).</summary>
    public static string Key(string prefix, SurveyTargetKind kind) => prefix + "." + kind;

    /// <summary>
    /// The target after <paramref name="permission"/> on its organization. A target outside the caller's scope is refused,
    /// not answered "no vote" (DESIGN.md "Scope"); one that does not exist is not found.
    /// </summary>
    public async Task<SatisfactionTarget> DemandAsync(SurveyTargetKind kind, int id, Permission permission, CancellationToken ct = default)
    {
        var target = await FindAsync(kind, id, ct);
        await scopes.DemandRecordAsync(target?.OrganizationId, JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()), id, permission, ct);
        return target!;
    }

    /// <summary>Whether the caller may run a vote on the target (to show the card's buttons only to those who may use them).</summary>
    public async Task<bool> MayRunAsync(SurveyTargetKind kind, int id, CancellationToken ct = default) =>
        await FindAsync(kind, id, ct) is { } target && await scopes.MayAsync(Permission.SurveysRun, target.OrganizationId, ct);

    /// <summary>
    /// The target's organization and title; null when there is no such target. A kind that takes no vote is refused,
    /// naming the field: activities have no records of their own.
    /// </summary>
    private async Task<SatisfactionTarget?> FindAsync(SurveyTargetKind kind, int id, CancellationToken ct) => kind switch
    {
        SurveyTargetKind.Meeting => await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new SatisfactionTarget(m.OrganizationId, m.Title)).FirstOrDefaultAsync(ct),
        SurveyTargetKind.DemocraticLifeMeeting => await db.DemocraticLifeMeetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new SatisfactionTarget(m.OrganizationId, m.Theme)).FirstOrDefaultAsync(ct),
        SurveyTargetKind.ElectionProject => await db.ElectionProjects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new SatisfactionTarget(p.OrganizationId, p.Title)).FirstOrDefaultAsync(ct),
        SurveyTargetKind.EvaluationCampaign => await db.EvaluationCampaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new SatisfactionTarget(c.OrganizationId, c.Title)).FirstOrDefaultAsync(ct),
        // A member's item belongs to the member's own organization (their branch), as the commitments ledger places it;
        // an organization's item to that organization. The vote asks about what the item commits to.
        SurveyTargetKind.Commitment => await db.Commitments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new SatisfactionTarget(
                c.OwnerOrganizationId ?? db.People.Where(p => p.Id == c.OwnerPersonId).Select(p => p.OrganizationId).First(), c.Content))
            .FirstOrDefaultAsync(ct),
        // A lecture is rated once given (TheoryLecture.AttachRating's rule): before that there is nothing to rate.
        SurveyTargetKind.TheoryLecture => await db.TheoryLectures.AsNoTracking().Where(l => l.Id == id && l.Status == Domain.Study.TheoryLectureStatus.Given)
            .Select(l => new SatisfactionTarget(l.OrganizationId, l.Topic)).FirstOrDefaultAsync(ct),
        _ => throw new DomainRuleException("Survey.TargetNotSupported", "targetKind"),
    };
}
