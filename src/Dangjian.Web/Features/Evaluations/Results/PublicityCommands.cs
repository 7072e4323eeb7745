using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Evaluations.Results;

public sealed record PublicizeRequest(DateOnly? From, DateOnly? To, int Version);

/// <summary>The answer to publicizing or re-issuing the link: the period and the public link, shown this once.</summary>
public sealed record PublicityLink(DateOnly From, DateOnly To, string Token, string Path);

public sealed record AnswerObjectionRequest(string? Answer, int Version);

public sealed record FollowUpRequest(string? Measure, string? Owner, DateOnly? Deadline, FollowUpStatus Status, string? Outcome, int Version);

/// <summary>办结 of many follow-ups in one save; the outcome, when given, is written on every row, else each keeps its own.</summary>
public sealed record CompleteFollowUpsRequest(IReadOnlyList<RowVersion>? Rows, string? Outcome);

/// <summary>
/// Publicity (公示, EVA-8): Closed with fresh results → Publicized for a period of Beijing dates (at least
/// <see cref="ResultsOptions.PublicityWorkingDays"/> working days) with a public link for results and objections;
/// objections answered by staff; Publicized → Finalized once the period has ended and every objection is answered.
/// Follow-up tasks (EVA-10) are edited here too.
/// </summary>
public sealed class PublicityCommands(
    DangjianDbContext db, CampaignAccess access, ResultsQueries queries, IWorkingDayCalendar calendars, TimeProvider time, OrgClock clock,
    CurrentUser user, IOptions<ResultsOptions> options)
{
    public async Task<PublicityLink> PublicizeAsync(int campaignId, PublicizeRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        var results = await queries.ResultsAsync(campaignId, ct);
        campaign.DemandPublicizable(results.Results.Count, results.Stale);
        var errors = new FieldErrors();
        errors.SaneDay("from", "Field.Evaluation.PublicityFrom", request.From);
        errors.SaneDay("to", "Field.Evaluation.PublicityTo", request.To);
        errors.ThrowIfAny(); // the page's date pickers reach here without the API's filter; the day count below needs sane days

        var calendar = await calendars.CurrentAsync(ct);
        var minimum = options.Value.PublicityWorkingDays;
        var from = request.From ?? Today();
        var to = request.To ?? PublicityPeriod.LastDay(calendar, from, minimum);
        db.ExpectVersion(campaign, request.Version);
        var token = PublicLinkToken.New();
        campaign.Publicize(from, to, calendar, minimum, results.Results.Count, results.Stale, PublicLinkToken.Hash(token)!);
        db.AuditAction = "Evaluation.Publicized";
        await db.SaveChangesAsync(ct);
        return new PublicityLink(from, to, token, PublicPath(token));
    }

    /// <summary>A new public link (the old one stops working); only while publicized.</summary>
    public async Task<PublicityLink> ReissueLinkAsync(int campaignId, CancellationToken ct = default)
    {
        var target = await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        if (target.Status != CampaignStatus.Publicized)
        {
            throw new DomainRuleException("Evaluation.NotPublicized", "status");
        }

        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        var token = PublicLinkToken.New();
        campaign.PublicTokenHash = PublicLinkToken.Hash(token);
        db.AuditAction = "Evaluation.PublicLinkReissued";
        await db.SaveChangesAsync(ct);
        return new PublicityLink(campaign.PublicityFrom!.Value, campaign.PublicityTo!.Value, token, PublicPath(token));
    }

    /// <summary>Publicized → Finalized, only after the period has ended and with every objection answered.</summary>
    public async Task FinalizeAsync(int campaignId, int version, CancellationToken ct = default)
    {
        await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        db.ExpectVersion(campaign, version);
        var unanswered = await db.EvaluationObjections.CountAsync(o => o.CampaignId == campaignId && o.AnsweredAt == null, ct);
        campaign.Finalize(Today(), unanswered);
        db.AuditAction = "Evaluation.Finalized";
        await db.SaveChangesAsync(ct);
    }

    public async Task<ObjectionView> AnswerObjectionAsync(int objectionId, AnswerObjectionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await access.DemandObjectionAsync(objectionId, Permission.EvaluationsRun, ct);
        SubjectScores.DemandNotFinalized(target.Status);
        var errors = new FieldErrors();
        var answer = errors.Text("answer", "Field.Evaluation.Answer", request.Answer, EvaluationObjection.MaxTextLength);
        errors.ThrowIfAny();
        var objection = await db.EvaluationObjections.FirstAsync(o => o.Id == objectionId, ct);
        db.ExpectVersion(objection, request.Version);
        objection.Answer = answer;
        objection.AnsweredAt = time.GetUtcNow();
        objection.AnsweredBy = user.Name;
        db.AuditAction = "Evaluation.ObjectionAnswered";
        await db.SaveChangesAsync(ct);
        return (await queries.ObjectionsAsync(target.CampaignId, false, ct)).First(o => o.Id == objectionId);
    }

    public async Task<FollowUpView> UpdateFollowUpAsync(int followUpId, FollowUpRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await access.DemandFollowUpAsync(followUpId, Permission.EvaluationsRun, ct);
        var errors = new FieldErrors();
        var measure = errors.Text("measure", "Field.Evaluation.Measure", request.Measure, EvaluationFollowUp.MaxTextLength);
        var owner = errors.Text("owner", "Field.Evaluation.Owner", request.Owner, 100, required: false);
        var outcome = errors.Text("outcome", "Field.Evaluation.Outcome", request.Outcome, EvaluationFollowUp.MaxTextLength, required: request.Status == FollowUpStatus.Done);
        if (!Enum.IsDefined(request.Status))
        {
            errors.Add("status", "Input.Invalid", "Field.Evaluation.FollowUpStatus");
        }

        errors.ThrowIfAny();
        var f = await db.EvaluationFollowUps.FirstAsync(x => x.Id == followUpId, ct);
        db.ExpectVersion(f, request.Version);
        f.Record(measure, owner.Length == 0 ? null : owner, request.Deadline, request.Status, outcome.Length == 0 ? null : outcome);
        db.AuditAction = "Evaluation.FollowUpUpdated";
        await db.SaveChangesAsync(ct);
        return (await queries.FollowUpsAsync(target.CampaignId, ct)).First(x => x.Id == followUpId);
    }

    /// <summary>
    /// Marks the ticked follow-ups of a campaign done in one save, each through the same rule as one
    /// (<see cref="EvaluationFollowUp.Record"/>: a task done says what came of it, EVA-10), all or nothing; a row that has
    /// no measure yet or is done already is named ("第 2 行（name）：…").
    /// </summary>
    public async Task CompleteFollowUpsAsync(int campaignId, CompleteFollowUpsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        var rows = request.Rows ?? [];
        var ids = rows.Select(r => r.Id).ToList();
        var tracked = await db.EvaluationFollowUps.Where(f => f.CampaignId == campaignId && ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var names = (await queries.FollowUpsAsync(campaignId, ct)).ToDictionary(f => f.Id, f => f.SubjectName);
        var errors = new FieldErrors();
        if (rows.Count == 0)
        {
            errors.Add("rows", "Input.Required", "Field.Evaluation.Measure");
        }

        var outcome = errors.Text("outcome", "Field.Evaluation.Outcome", request.Outcome, EvaluationFollowUp.MaxTextLength, required: false);
        errors.ThrowIfAny();
        foreach (var row in rows)
        {
            // Another campaign's follow-up (another township's too) is not found here, as it is by its own route.
            db.ExpectVersion(tracked.GetValueOrDefault(row.Id) ?? throw new NotFoundException("follow-up", row.Id), row.Version);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = new FieldErrors();
            var f = tracked[rows[i].Id];
            if (f.Status == FollowUpStatus.Done)
            {
                row.Add("status", "Evaluation.FollowUpAlreadyDone");
            }
            else if (string.IsNullOrWhiteSpace(f.Measure))
            {
                row.Add("measure", "Input.Required", "Field.Evaluation.Measure");
            }
            else
            {
                try
                {
                    f.Record(f.Measure, f.Owner, f.Deadline, FollowUpStatus.Done, outcome.Length == 0 ? f.Outcome : outcome);
                }
                catch (DomainRuleException e)
                {
                    row.AddAll(e.Problems);
                }
            }

            errors.AddRow("rows", i, names.GetValueOrDefault(f.Id, string.Empty), row);
        }

        errors.ThrowIfAny();
        db.AuditAction = "Evaluation.FollowUpUpdated";
        await db.SaveChangesAsync(ct);
    }

    public static string PublicPath(string token) => $"/public/evaluations/results/{token}";

    /// <summary>Today in Beijing (UTC+8, no daylight saving).</summary>
    public DateOnly Today() => clock.Today;
}
