using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Duties;

/// <summary>
/// Recording the regular duties of a term (DEL-3) and 述职 (DEL-4), each one entity call, audited and saved; Delegates.Manage
/// on the term's organization.
/// </summary>
public sealed class ActivityCommands(DangjianDbContext db, ScopeService scopes, ActivityQueries queries, OrgClock clock)
{
    public async Task<ActivityView> RecordAsync(RecordActivityRequest r, CancellationToken ct = default)
    {
        var term = await TermAsync(r.TermId, "Field.Activity.Term", ct);
        var errors = new FieldErrors();
        if (r.Kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Activity.Kind");
        }

        if (r.HeldOn is null)
        {
            errors.Add("heldOn", "Input.Required", "Field.Activity.HeldOn");
        }

        errors.ThrowIfAny();
        var activity = DelegateActivity.Record(term, r.Kind!.Value, r.HeldOn!.Value, r.Place ?? string.Empty, r.Subject ?? string.Empty, r.Summary);
        db.DelegateActivities.Add(activity);
        db.AuditAction = "DelegateActivity.Recorded";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(activity, ct);
    }

    public async Task<ActivityView> MarkAttendanceAsync(int id, MarkAttendanceRequest r, CancellationToken ct = default)
    {
        var activity = await LoadAsync(id, r.Version, ct);
        if (r.DelegateId is not { } delegateId || r.Present is not { } present)
        {
            throw new InputValidationException(new FieldErrors().Add(r.DelegateId is null ? "delegateId" : "present", "Input.Required", r.DelegateId is null ? "Field.Activity.Delegate" : "Field.Activity.Present"));
        }

        var seat = await db.DelegateSeats.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delegateId && s.TermId == activity.TermId, ct)
            ?? throw new InputValidationException(new FieldErrors().Add("delegateId", "Activity.NotADelegate"));
        activity.MarkAttendance(seat, present, r.AbsenceReason, clock.Today);
        db.AuditAction = "DelegateActivity.Attendance";
        activity.Version++;
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(activity, ct);
    }

    public async Task<ActivityView> PublishAsync(int id, ActivityStepRequest r, CancellationToken ct = default)
    {
        var activity = await LoadAsync(id, r.Version, ct);
        activity.Publish(clock.Today);
        db.AuditAction = "DelegateActivity.Published";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(activity, ct);
    }

    /// <summary>述职 of a term, at one of its activities when given; the evaluation campaign is linked afterwards.</summary>
    public async Task<WorkReportView> RecordWorkReportAsync(RecordWorkReportRequest r, CancellationToken ct = default)
    {
        var term = await TermAsync(r.TermId, "Field.WorkReport.Term", ct);
        DelegateActivity? activity = null;
        if (r.ActivityId is { } aid)
        {
            activity = await db.DelegateActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, ct)
                ?? throw new InputValidationException(new FieldErrors().Add("activityId", "WorkReport.ActivityOfAnotherTerm"));
        }

        if (r.ReportedOn is not { } day)
        {
            throw new InputValidationException(new FieldErrors().Add("reportedOn", "Input.Required", "Field.WorkReport.ReportedOn"));
        }

        var report = WorkReport.Record(term, activity, r.PersonId, r.ReporterName ?? string.Empty, r.Post ?? string.Empty, r.Subject ?? string.Empty, day, clock.Today);
        db.DelegateWorkReports.Add(report);
        db.AuditAction = "WorkReport.Recorded";
        await db.SaveChangesAsync(ct);
        return (await queries.WorkReportsAsync(term.Id, ct)).Single(x => x.Id == report.Id);
    }

    /// <summary>Links the evaluation campaign that evaluated a 述职 (one the caller may read: Evaluations of the term's subtree), or unlinks it.</summary>
    public async Task<WorkReportView> LinkEvaluationAsync(int id, LinkEvaluationRequest r, CancellationToken ct = default)
    {
        var orgId = await db.DelegateWorkReports.AsNoTracking().Where(x => x.Id == id).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "workReport", id, Permission.DelegatesManage, ct);
        var report = await db.DelegateWorkReports.FirstAsync(x => x.Id == id, ct);
        db.ExpectVersion(report, r.Version);
        if (r.EvaluationCampaignId is { } cid)
        {
            var root = await db.Organizations.AsNoTracking().Where(o => o.Id == report.OrganizationId).Select(o => o.Path).FirstAsync(ct);
            var ok = await db.EvaluationCampaigns.AsNoTracking().AnyAsync(c => c.Id == cid && db.Organizations.Any(o => o.Id == c.OrganizationId && o.Path.StartsWith(root)), ct);
            if (!ok)
            {
                throw new InputValidationException(new FieldErrors().Add("evaluationCampaignId", "Delegates.OutsideTheTerm", "Field.WorkReport.EvaluationCampaign"));
            }
        }

        report.LinkEvaluation(r.EvaluationCampaignId);
        db.AuditAction = "WorkReport.EvaluationLinked";
        await db.SaveChangesAsync(ct);
        return (await queries.WorkReportsAsync(report.TermId, ct)).Single(x => x.Id == report.Id);
    }

    private async Task<CongressTerm> TermAsync(int? termId, string label, CancellationToken ct)
    {
        if (termId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", label));
        }

        var orgId = await db.CongressTerms.AsNoTracking().Where(t => t.Id == id).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", id, Permission.DelegatesManage, ct);
        return await db.CongressTerms.AsNoTracking().FirstAsync(t => t.Id == id, ct);
    }

    private async Task<DelegateActivity> LoadAsync(int id, int version, CancellationToken ct)
    {
        var orgId = await db.DelegateActivities.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "delegateActivity", id, Permission.DelegatesManage, ct);
        var activity = await db.DelegateActivities.Include(a => a.Attendance).FirstAsync(a => a.Id == id, ct);
        db.ExpectVersion(activity, version);
        return activity;
    }
}
