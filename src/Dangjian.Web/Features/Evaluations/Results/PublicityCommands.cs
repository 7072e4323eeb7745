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

namespace Dangjian.Web.Features.Evaluations.Results;

public sealed record PublicizeRequest(DateOnly? From, DateOnly? To, int Version);

/// <summary>The answer to publicizing or re-issuing the link: the period and the public link, shown this once.</summary>
public sealed record PublicityLink(DateOnly From, DateOnly To, string Token, string Path);

public sealed record AnswerObjectionRequest(string? Answer, int Version);

public sealed record FollowUpRequest(string? Measure, string? Owner, DateOnly? Deadline, FollowUpStatus Status, string? Outcome, int Version);

/// <summary>
/// Publicity (公示, EVA-8): Closed with fresh results → Publicized for a period of Beijing dates (at least
/// <see cref="ResultsOptions.PublicityWorkingDays"/> working days) with a public link for results and objections;
/// objections answered by staff; Publicized → Finalized once the period has ended and every objection is answered.
/// Follow-up tasks (EVA-10) are edited here too.
/// </summary>
public sealed class PublicityCommands(
    DangjianDbContext db, CampaignAccess access, ResultsQueries queries, IWorkingDayCalendar calendars, TimeProvider time,
    CurrentUser user, IOptions<ResultsOptions> options)
{
    public async Task<PublicityLink> PublicizeAsync(int campaignId, PublicizeRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await access.DemandCampaignAsync(campaignId, Access.Write, ct);
        if (target.Status != CampaignStatus.Closed)
        {
            throw new DomainRuleException("Evaluation.PublicizeNotClosed", "status");
        }

        var results = await queries.ResultsAsync(campaignId, ct);
        if (results.Results.Count == 0)
        {
            throw new DomainRuleException("Evaluation.NoResults", "results");
        }

        if (results.Stale)
        {
            throw new DomainRuleException("Evaluation.ResultsStale", "results");
        }

        var errors = new FieldErrors();
        errors.SaneDay("from", "Field.Evaluation.PublicityFrom", request.From);
        errors.SaneDay("to", "Field.Evaluation.PublicityTo", request.To);
        errors.ThrowIfAny(); // the page's date pickers reach here without the API's filter; the day count below needs sane days

        var calendar = await calendars.CurrentAsync(ct);
        var minimum = options.Value.PublicityWorkingDays;
        var from = request.From ?? Today();
        var to = request.To ?? LastDay(calendar, from, minimum);
        if (to < from)
        {
            errors.Add("to", "Evaluation.PeriodBackwards");
        }
        else if (WorkingDays(calendar, from, to) < minimum)
        {
            errors.Add("to", "Evaluation.PeriodTooShort", minimum);
        }

        errors.ThrowIfAny();
        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        db.ExpectVersion(campaign, request.Version);
        var token = PublicLinkToken.New();
        campaign.Status = CampaignStatus.Publicized;
        campaign.PublicityFrom = from;
        campaign.PublicityTo = to;
        campaign.PublicTokenHash = PublicLinkToken.Hash(token);
        db.AuditAction = "Evaluation.Publicized";
        await db.SaveChangesAsync(ct);
        return new PublicityLink(from, to, token, PublicPath(token));
    }

    /// <summary>A new public link (the old one stops working); only while publicized.</summary>
    public async Task<PublicityLink> ReissueLinkAsync(int campaignId, CancellationToken ct = default)
    {
        var target = await access.DemandCampaignAsync(campaignId, Access.Write, ct);
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
        var target = await access.DemandCampaignAsync(campaignId, Access.Write, ct);
        if (target.Status != CampaignStatus.Publicized)
        {
            throw new DomainRuleException("Evaluation.NotPublicized", "status");
        }

        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        db.ExpectVersion(campaign, version);
        var errors = new FieldErrors();
        if (campaign.PublicityTo is { } to && Today() <= to)
        {
            errors.Add("publicityTo", "Evaluation.PeriodNotOver", DateText.Format(to));
        }

        var unanswered = await db.EvaluationObjections.CountAsync(o => o.CampaignId == campaignId && o.AnsweredAt == null, ct);
        if (unanswered > 0)
        {
            errors.Add("objections", "Evaluation.UnansweredObjections", unanswered);
        }

        errors.ThrowIfAny();
        campaign.Status = CampaignStatus.Finalized;
        db.AuditAction = "Evaluation.Finalized";
        await db.SaveChangesAsync(ct);
    }

    public async Task<ObjectionView> AnswerObjectionAsync(int objectionId, AnswerObjectionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await access.DemandObjectionAsync(objectionId, Access.Write, ct);
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
        var target = await access.DemandFollowUpAsync(followUpId, Access.Write, ct);
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
        f.Measure = measure;
        f.Owner = owner.Length == 0 ? null : owner;
        f.Deadline = request.Deadline;
        f.Status = request.Status;
        f.Outcome = outcome.Length == 0 ? null : outcome;
        db.AuditAction = "Evaluation.FollowUpUpdated";
        await db.SaveChangesAsync(ct);
        return (await queries.FollowUpsAsync(target.CampaignId, ct)).First(x => x.Id == followUpId);
    }

    public static string PublicPath(string token) => $"/public/evaluations/results/{token}";

    /// <summary>Today in Beijing (UTC+8, no daylight saving).</summary>
    public DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(8));

    /// <summary>Working days from ≤ d ≤ to; a day of a year the calendar lacks counts when it is Monday to Friday.</summary>
    public static int WorkingDays(HolidayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            n += IsWorkingDay(calendar, d) ? 1 : 0;
        }

        return n;
    }

    /// <summary>The day on which a period starting <paramref name="from"/> reaches <paramref name="days"/> working days.</summary>
    public static DateOnly LastDay(HolidayCalendar calendar, DateOnly from, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var d = from;
        var n = IsWorkingDay(calendar, d) ? 1 : 0;
        while (n < days)
        {
            d = d.AddDays(1);
            n += IsWorkingDay(calendar, d) ? 1 : 0;
        }

        return d;
    }

    private static bool IsWorkingDay(HolidayCalendar calendar, DateOnly d) =>
        calendar.Covers(d) ? calendar.IsWorkingDay(d) : d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
