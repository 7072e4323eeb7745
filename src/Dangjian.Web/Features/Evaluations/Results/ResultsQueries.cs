using System.Text.Json.Serialization;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Results;

public sealed record CampaignHeader(
    int Id, string Title, int Year, int OrganizationId, string OrganizationName, CampaignKind Kind, SubjectKind SubjectKind,
    CampaignStatus Status, DateOnly? PublicityFrom, DateOnly? PublicityTo, bool HasPublicLink, int Version, bool MayWrite);

/// <summary>
/// A subject's result. To a reader who does not run the campaign, another subject's row holds only what 公示 shows
/// (name, rank, grade, composite): the component scores are null and the details empty. The 群众代表 criticism fields keep
/// the JSON names they had before 群众 was named Resident in the code, so that clients of the API are not broken.
/// </summary>
public sealed record SubjectResultView(
    int SubjectId, string Name, string? Description, int Rank, decimal? Achievement, decimal? Inspection, decimal? Democratic,
    decimal Composite, string Grade, string ThresholdGrade, bool Vetoed, IReadOnlyList<VetoEntry> Vetoes, bool DemotedByQuota,
    decimal? BonusCoefficient, bool AwardEligible, bool BlocksPromotion, [property: JsonPropertyName("massCriticism")] bool ResidentCriticism, [property: JsonPropertyName("massWorstShare")] decimal? ResidentWorstShare,
    IReadOnlyList<GroupDetail> Groups, IReadOnlyList<DimensionMean> Dimensions);

public sealed record GroupProgressView(int Id, string Name, EvaluatorKind Kind, decimal Weight, int CodesIssued, int ResponsesCast, bool BoxClosed);

public sealed record GradeCount(string Grade, int Count);

/// <summary>
/// A campaign's results page: header, per group the response counts, results by rank, grade distribution, whether results
/// are stale. <see cref="Full"/> is false for a reader who does not run the campaign: then it holds only what 公示 shows.
/// The criticism share keeps its former JSON name, as <see cref="SubjectResultView"/>'s fields do. <see cref="QuotaTies"/>
/// names each tie the grade quota moved down across its line, for those who run the campaign (empty for other readers).
/// </summary>
public sealed record CampaignResultsView(
    CampaignHeader Campaign,
    IReadOnlyList<string> Scale,
    IReadOnlyList<GroupProgressView> Groups,
    IReadOnlyList<SubjectResultView> Results,
    IReadOnlyList<GradeCount> GradeDistribution,
    bool Stale,
    int UnansweredObjections,
    [property: JsonPropertyName("massCriticismShare")] decimal ResidentCriticismShare,
    bool Full,
    IReadOnlyList<GradeTie> QuotaTies);

public sealed record FollowUpView(int Id, int SubjectId, string SubjectName, string Grade, string Measure, string? Owner, DateOnly? Deadline, FollowUpStatus Status, string? Outcome, int Version);

public sealed record ObjectionView(int Id, int? SubjectId, string? SubjectName, string Text, string? FiledBy, string? Contact, DateTimeOffset FiledAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, int Version);

public sealed class ResultsQueries(DangjianDbContext db, CampaignAccess access, BallotBoxService boxes, Microsoft.Extensions.Options.IOptions<ResultsOptions> options)
{
    public async Task<CampaignResultsView> ResultsAsync(int campaignId, CancellationToken ct = default)
    {
        var reader = await access.DemandResultsAsync(campaignId, ct);
        var header = await HeaderAsync(campaignId, ct);
        var campaign = await db.EvaluationCampaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        var criteria = CampaignJson.Criteria(campaign.CriteriaJson);
        var rules = CampaignJson.Grades(campaign.GradesJson);
        var groups = await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync(ct);
        var progress = new List<GroupProgressView>();
        foreach (var g in groups)
        {
            var box = await boxes.FindAsync(g.BoxKey, ct);
            progress.Add(new GroupProgressView(g.Id, g.Name, g.Kind, g.Weight, box?.CodesIssued ?? 0, box?.BallotsCast ?? 0, box?.Closed ?? false));
        }

        var subjects = await db.EvaluationSubjects.AsNoTracking().Where(s => s.CampaignId == campaignId).ToListAsync(ct);
        var results = await db.EvaluationResults.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync(ct);
        var bySubject = subjects.ToDictionary(s => s.Id);
        var views = results.Where(r => bySubject.ContainsKey(r.SubjectId)).Select(r =>
        {
            var s = bySubject[r.SubjectId];
            if (!reader.RunsCampaign && (s.PersonId is null || s.PersonId != reader.PersonId))
            {
                // What the public page shows of another subject, and nothing more.
                return new SubjectResultView(s.Id, s.Name, s.Description, r.Rank, null, null, null, r.Composite, r.Grade, r.Grade, false, [], false,
                    null, false, false, false, null, [], []);
            }

            var d = ResultDetail.Read(r.DetailJson);
            return new SubjectResultView(
                s.Id, s.Name, s.Description, r.Rank, s.Achievement, s.Inspection, r.Democratic, r.Composite, r.Grade, d.ThresholdGrade,
                r.Vetoed, SubjectScores.ParseVetoes(s.VetoItems), r.DemotedByQuota, r.BonusCoefficient, r.AwardEligible, r.BlocksPromotion,
                d.ResidentCriticism, d.WorstShare, d.Groups, d.Dimensions);
        }).OrderBy(v => v.Rank).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();

        var stale = results.Count > 0 && (results.Count != subjects.Count || results.Any(r =>
            !bySubject.TryGetValue(r.SubjectId, out var s) || ResultDetail.Read(r.DetailJson).Inputs != new ScoreInputs(s.Achievement, s.Inspection, s.VetoItems)));
        var distribution = rules.Select(r => new GradeCount(r.Name, views.Count(v => v.Grade == r.Name))).ToList();
        if (!reader.RunsCampaign)
        {
            return new CampaignResultsView(header, [.. criteria.Scale.Select(p => p.Label)], [], views, distribution, false, 0, options.Value.ResidentCriticismShare, false, []);
        }

        var unanswered = await db.EvaluationObjections.CountAsync(o => o.CampaignId == campaignId && o.AnsweredAt == null, ct);
        var ties = EvaluationScoring.Ties([.. rules.Select(r => new EvaluationGrade(r.Name, r.Min, r.Quota, r.QuotaDivisor))], [.. views.Select(v => (v.Name, v.Composite, v.ThresholdGrade, v.Vetoed))]);
        return new CampaignResultsView(header, [.. criteria.Scale.Select(p => p.Label)], progress, views, distribution, stale, unanswered, options.Value.ResidentCriticismShare, true, ties);
    }

    public async Task<CampaignHeader> HeaderAsync(int campaignId, CancellationToken ct = default)
    {
        var target = await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRead, ct);
        var c = await db.EvaluationCampaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c, o.Name }).FirstAsync(ct);
        var mayWrite = await access.MayRunAsync(target, ct);
        return new CampaignHeader(c.c.Id, c.c.Title, c.c.Year, c.c.OrganizationId, c.Name, c.c.Kind, c.c.SubjectKind, c.c.Status,
            c.c.PublicityFrom, c.c.PublicityTo, c.c.PublicTokenHash is not null, c.c.Version, mayWrite);
    }

    /// <summary>Follow-ups name each subject's grade from the moment results are computed: for those who run the campaign.</summary>
    public async Task<IReadOnlyList<FollowUpView>> FollowUpsAsync(int campaignId, CancellationToken ct = default)
    {
        await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        return await db.EvaluationFollowUps.AsNoTracking().Where(f => f.CampaignId == campaignId)
            .Join(db.EvaluationSubjects, f => f.SubjectId, s => s.Id, (f, s) => new { f, s.Name, s.Order })
            .GroupJoin(db.EvaluationResults, x => x.f.SubjectId, r => r.SubjectId, (x, r) => new { x, r })
            .SelectMany(y => y.r.DefaultIfEmpty(), (y, r) => new { y.x, Grade = r == null ? string.Empty : r.Grade })
            .OrderBy(y => y.x.Order).ThenBy(y => y.x.f.Id)
            .Select(y => new FollowUpView(y.x.f.Id, y.x.f.SubjectId, y.x.Name, y.Grade, y.x.f.Measure, y.x.f.Owner, y.x.f.Deadline, y.x.f.Status, y.x.f.Outcome, y.x.f.Version))
            .ToListAsync(ct);
    }

    /// <summary>
    /// What the dashboard counts (RPT-1): the open follow-ups, as <see cref="FollowUpsAsync"/> lists them, over every
    /// campaign of the given organizations at once. A campaign counts when its organization is in
    /// <paramref name="organizationIds"/> (where the caller holds <see cref="Permission.EvaluationsRun"/>) and, for a
    /// 民主评议党员, in <paramref name="memberReviewIds"/> too (<see cref="CampaignPermissions.ToRun"/>, which
    /// <see cref="FollowUpsAsync"/> demands).
    /// </summary>
    public Task<int> OpenFollowUpCountAsync(IQueryable<int> organizationIds, IQueryable<int> memberReviewIds, CancellationToken ct = default) =>
        db.EvaluationFollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Open)
            .Join(db.EvaluationCampaigns.Where(c => organizationIds.Contains(c.OrganizationId) && (c.Kind != CampaignKind.MemberReview || memberReviewIds.Contains(c.OrganizationId))),
                f => f.CampaignId, c => c.Id, (f, c) => f)
            .Join(db.EvaluationSubjects, f => f.SubjectId, s => s.Id, (f, s) => f.Id)
            .CountAsync(ct);

    /// <summary>Objections name subjects, filers and their contacts: for those who run the campaign.</summary>
    public async Task<IReadOnlyList<ObjectionView>> ObjectionsAsync(int campaignId, bool unansweredOnly = false, CancellationToken ct = default)
    {
        await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        var query = db.EvaluationObjections.AsNoTracking().Where(o => o.CampaignId == campaignId);
        if (unansweredOnly)
        {
            query = query.Where(o => o.AnsweredAt == null);
        }

        var list = await query
            .GroupJoin(db.EvaluationSubjects, o => o.SubjectId, s => (int?)s.Id, (o, s) => new { o, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new ObjectionView(
                x.o.Id, x.o.SubjectId, s == null ? null : s.Name, x.o.Text, x.o.FiledBy, x.o.Contact, x.o.FiledAt, x.o.Answer, x.o.AnsweredBy, x.o.AnsweredAt, x.o.Version))
            .ToListAsync(ct);
        return [.. list.OrderBy(o => o.AnsweredAt is not null).ThenBy(o => o.FiledAt).ThenBy(o => o.Id)];
    }
}
