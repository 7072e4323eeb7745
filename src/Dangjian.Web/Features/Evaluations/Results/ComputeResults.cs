using System.Text.Json;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Evaluations.Results;

/// <summary>
/// From responses and scores to results (EVA-6, EVA-7, EVA-9, EVA-10): reads every group's closed ballot box, hands the
/// responses with the entered 实绩/组织考察 scores and vetoes to the one scoring engine (<see cref="EvaluationScoring"/>;
/// member review's 优秀 quota of one third through the grade's quota divisor), writes one <see cref="EvaluationResult"/> per
/// subject with the grade's consequences, flags heavy criticism from residents (seed 000 四), and opens a follow-up task for each
/// grade that needs one. Allowed while the campaign is Closed, as often as needed (a recompute replaces the results).
/// </summary>
public sealed class ComputeResults(DangjianDbContext db, CampaignAccess access, BallotBoxService boxes, IOptions<ResultsOptions> options)
{
    public async Task ComputeAsync(int campaignId, CancellationToken ct = default)
    {
        var target = await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        if (target.Status != CampaignStatus.Closed)
        {
            throw new DomainRuleException("Evaluation.ComputeNotClosed", "status");
        }

        var campaign = await db.EvaluationCampaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        var criteria = CampaignJson.Criteria(campaign.CriteriaJson);
        var rules = CampaignJson.Grades(campaign.GradesJson);
        var components = CampaignJson.Components(campaign.ComponentsJson);
        var groups = await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId)
            .OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync(ct);
        var subjects = await db.EvaluationSubjects.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        if (subjects.Count == 0)
        {
            throw new DomainRuleException("Evaluation.NoSubjects", "subjects");
        }

        MissingScores(subjects, components);
        var responses = await ResponsesAsync(groups, subjects, ct);

        var input = new ScoringInput(
            [.. criteria.Scale.Select(p => new ScaleLevel(p.Label, p.Value))],
            [.. criteria.Dimensions.Select(d => new NamedWeight(d.Name, d.Weight))],
            [.. groups.Select(g => new NamedWeight(g.Name, g.Weight))],
            components,
            // The quota divisor keeps member review's one third exact: floor(n / 3), 6 members give 2 优秀.
            [.. rules.Select(r => new EvaluationGrade(r.Name, r.Min, r.Quota, r.QuotaDivisor))],
            campaign.VetoGrade,
            [.. subjects.Select(s => new ScoringSubject(s.Name, s.Achievement ?? 0, s.Inspection ?? 0, s.Vetoed, responses[s.Id].Select(r => r.Response).ToList()))]);
        var problems = EvaluationScoring.Check(input);
        if (problems.Count > 0)
        {
            throw new DomainRuleException("Evaluation.CannotScore", problems[0].Field, problems[0].Message);
        }

        var scored = EvaluationScoring.Score(input).Subjects.ToDictionary(s => s.Name, StringComparer.Ordinal);

        var worst = criteria.Scale.MinBy(p => p.Value)?.Label;
        var share = options.Value.ResidentCriticismShare;
        var existing = await db.EvaluationResults.Where(r => r.CampaignId == campaignId).ToListAsync(ct);
        db.EvaluationResults.RemoveRange(existing);
        var followUps = await db.EvaluationFollowUps.AsNoTracking().Where(f => f.CampaignId == campaignId).Select(f => f.SubjectId).ToListAsync(ct);
        foreach (var subject in subjects)
        {
            var score = scored[subject.Name];
            var (gradeName, demoted) = (score.Grade, score.DemotedByQuota);
            var rule = rules.FirstOrDefault(r => r.Name == gradeName);
            var detail = Detail(criteria, groups, subject, score, responses[subject.Id], worst, share);
            // EVA-7, seed 000 四: 凡群众意见大的班子不予评先, 反响不好的干部坚决不予提拔重用.
            var personal = campaign.SubjectKind is not (SubjectKind.LeadershipTeam or SubjectKind.Commitment or SubjectKind.Activity);
            db.EvaluationResults.Add(new EvaluationResult
            {
                CampaignId = campaignId,
                SubjectId = subject.Id,
                Democratic = score.Democratic,
                Composite = score.Composite,
                Grade = gradeName,
                Rank = score.Rank,
                Vetoed = score.Vetoed,
                DemotedByQuota = demoted,
                DetailJson = detail.Write(),
                BonusCoefficient = rule?.BonusCoefficient,
                AwardEligible = rule is { AwardEligible: true } && !detail.ResidentCriticism && !score.Vetoed,
                BlocksPromotion = rule is { BlocksPromotion: true } || score.Vetoed || (detail.ResidentCriticism && personal),
            });
            if (rule is { NeedsFollowUp: true } && !followUps.Contains(subject.Id))
            {
                db.EvaluationFollowUps.Add(new EvaluationFollowUp { CampaignId = campaignId, SubjectId = subject.Id, Measure = string.Empty, });
            }
        }

        db.AuditAction = "Evaluation.ResultsComputed";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A component that weighs in the composite needs its score for every subject (a missing 实绩 is not a 0).</summary>
    private static void MissingScores(List<EvaluationSubject> subjects, ComponentWeights components)
    {
        if (components.Achievement > 0 && subjects.FirstOrDefault(s => s.Achievement is null) is { } a)
        {
            throw new DomainRuleException("Evaluation.MissingAchievement", "achievement", a.Name);
        }

        if (components.Inspection > 0 && subjects.FirstOrDefault(s => s.Inspection is null) is { } i)
        {
            throw new DomainRuleException("Evaluation.MissingInspection", "inspection", i.Name);
        }
    }

    private sealed record GroupResponse(int GroupId, EvaluationResponse Response);

    /// <summary>Every response per subject from the closed boxes: {"v":1,"ratings":{"subjectId":{"德":"好",…}}}.</summary>
    private async Task<Dictionary<int, List<GroupResponse>>> ResponsesAsync(List<EvaluationGroup> groups, List<EvaluationSubject> subjects, CancellationToken ct)
    {
        var result = subjects.ToDictionary(s => s.Id, _ => new List<GroupResponse>());
        foreach (var group in groups)
        {
            var box = await boxes.FindAsync(group.BoxKey, ct);
            if (box is null)
            {
                continue;
            }

            if (!box.Closed)
            {
                throw new DomainRuleException("Evaluation.BoxOpen", "status", group.Name);
            }

            foreach (var ballot in await boxes.BallotsAsync(group.BoxKey, ct))
            {
                foreach (var (subjectId, ratings) in ParseResponse(ballot.Content))
                {
                    if (result.TryGetValue(subjectId, out var list))
                    {
                        list.Add(new GroupResponse(group.Id, new EvaluationResponse(group.Name, ratings)));
                    }
                }
            }
        }

        return result;
    }

    internal static List<(int SubjectId, Dictionary<string, string> Ratings)> ParseResponse(string content)
    {
        using var doc = JsonDocument.Parse(content);
        var list = new List<(int, Dictionary<string, string>)>();
        if (!doc.RootElement.TryGetProperty("ratings", out var ratings) || ratings.ValueKind != JsonValueKind.Object)
        {
            return list;
        }

        foreach (var subject in ratings.EnumerateObject())
        {
            if (!int.TryParse(subject.Name, System.Globalization.CultureInfo.InvariantCulture, out var id) || subject.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            list.Add((id, subject.Value.EnumerateObject().Where(d => d.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(d => d.Name, d => d.Value.GetString()!, StringComparer.Ordinal)));
        }

        return list;
    }

    private static ResultDetail Detail(
        EvaluationCriteria criteria, List<EvaluationGroup> groups, EvaluationSubject subject, SubjectScore score,
        List<GroupResponse> responses, string? worst, decimal share)
    {
        var scale = criteria.Scale.ToDictionary(p => p.Label, p => p.Value, StringComparer.Ordinal);
        var groupDetails = groups.Select(g =>
        {
            var mine = responses.Where(r => r.GroupId == g.Id).ToList();
            var counts = criteria.Scale.ToDictionary(
                p => p.Label,
                p => mine.Sum(r => r.Response.Ratings.Values.Count(v => v == p.Label)),
                StringComparer.Ordinal);
            var engine = score.Groups.FirstOrDefault(x => x.Group == g.Name);
            return new GroupDetail(g.Id, g.Name, g.Kind, engine?.Responses ?? mine.Count, engine?.Score, counts);
        }).ToList();
        var dimensions = criteria.Dimensions.Select(d =>
        {
            var values = responses.Select(r => r.Response.Ratings.TryGetValue(d.Name, out var l) && scale.TryGetValue(l, out var v) ? (decimal?)v : null)
                .Where(v => v is not null).Select(v => v!.Value).ToList();
            return new DimensionMean(d.Name, values.Count == 0 ? null : values.Sum() / values.Count);
        }).ToList();

        var residents = groupDetails.Where(g => g.Kind == EvaluatorKind.ResidentRepresentatives).ToList();
        var total = residents.Sum(g => g.Counts.Values.Sum());
        decimal? worstShare = worst is null || total == 0 ? null : (decimal)residents.Sum(g => g.Counts[worst]) / total;
        return new ResultDetail(
            groupDetails,
            dimensions,
            score.ThresholdGrade,
            worstShare > share,
            worstShare,
            new ScoreInputs(subject.Achievement, subject.Inspection, subject.VetoItems));
    }
}
