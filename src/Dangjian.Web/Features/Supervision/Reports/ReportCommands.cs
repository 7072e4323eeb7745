using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Reports;

/// <summary>
/// Handling a report (SUP-1): 受理, 交办, 调查核实, 办结 and 答复, each signed with the staff account that took it. The rules
/// (the order of the steps, the days) are <see cref="ReportCase"/>'s. The case tables are left out of the row audit (a
/// row's audit entry would date the filing finer than the day), so each step is audited as an event of its own naming the
/// case, the step and the day — and the account, as every audit entry does — and nothing the reporter wrote.
/// </summary>
public sealed class ReportCommands(
    DangjianDbContext db, ScopeService scopes, CurrentUser user, OrgClock clock, Elections.Projects.ReportCommands electionReports)
{
    public const string AcceptedAction = "ReportBoxCase.Accepted";
    public const string AssignedAction = "ReportBoxCase.Assigned";
    public const string InvestigatedAction = "ReportBoxCase.Investigated";
    public const string ConcludedAction = "ReportBoxCase.Concluded";
    public const string AnsweredAction = "ReportBoxCase.Answered";
    public const string ReferredAction = "ReportBoxCase.ReferredToElection";

    /// <summary>The entity type the step events name.</summary>
    public const string AuditEntity = "ReportBoxCase";

    public async Task AcceptAsync(Guid id, ReportStepRequest r, CancellationToken ct = default)
    {
        var report = await LoadAsync(id, r.Version, ct);
        var on = r.On ?? clock.Today;
        report.Accept(user.Name, on, clock.Today);
        await SaveAsync(report, AcceptedAction, on, null, ct);
    }

    public async Task AssignAsync(Guid id, AssignReportRequest r, CancellationToken ct = default)
    {
        var report = await LoadAsync(id, r.Version, ct);
        var on = r.On ?? clock.Today;
        report.Assign(r.Handler ?? string.Empty, user.Name, on, clock.Today);
        await SaveAsync(report, AssignedAction, on, report.Handler, ct);
    }

    public async Task InvestigateAsync(Guid id, ReportStepRequest r, CancellationToken ct = default)
    {
        var report = await LoadAsync(id, r.Version, ct);
        var on = r.On ?? clock.Today;
        report.RecordInvestigation(user.Name, on, clock.Today);
        await SaveAsync(report, InvestigatedAction, on, null, ct);
    }

    public async Task ConcludeAsync(Guid id, ConcludeReportRequest r, CancellationToken ct = default)
    {
        var report = await LoadAsync(id, r.Version, ct);
        var on = r.On ?? clock.Today;
        report.Conclude(r.Conclusion ?? string.Empty, user.Name, on, clock.Today);
        await SaveAsync(report, ConcludedAction, on, null, ct);
    }

    public async Task AnswerAsync(Guid id, AnswerReportRequest r, CancellationToken ct = default)
    {
        var report = await LoadAsync(id, r.Version, ct);
        var on = r.On ?? clock.Today;
        report.Answer(r.Text ?? string.Empty, user.Name, on, clock.Today);
        await SaveAsync(report, AnsweredAction, on, null, ct);
    }

    /// <summary>
    /// 移交选举 (ELE-14 → ELE-5): an accepted report about an election becomes a misconduct case of that election (filed on
    /// the report's day, its text as written, naming <see cref="ReferReportRequest.NomineeId"/> if given), which the
    /// election's staff investigate; proven against the nominee it disqualifies them. Needs Elections.Run on the election
    /// as well as the report box; the reporter's signed name, if any, does not go with it. One transaction: both or neither.
    /// </summary>
    public async Task ReferToElectionAsync(Guid id, ReferReportRequest r, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await LoadAsync(id, r.Version, ct);
        report.DemandReferable();
        var electionReportId = await electionReports.FileAsync(report.ElectionProjectId!.Value, new Elections.Projects.ReportRequest(report.FiledOn, report.Content, r.NomineeId), ct);
        report.ReferToElection(electionReportId);
        await SaveAsync(report, ReferredAction, clock.Today, null, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<ReportCase> LoadAsync(Guid id, int? version, CancellationToken ct)
    {
        var report = await db.ReportBoxCases.Include(c => c.Answers).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("report", id);
        await scopes.DemandAsync(Permission.SupervisionReports, report.OrganizationId, ct);
        if (version is not { } v)
        {
            throw new InputValidationException(new FieldErrors().Add("version", "Input.Required", "Field.Version"));
        }

        db.ExpectVersion(report, v);
        return report;
    }

    /// <summary>
    /// Raises the version here, since the context raises it only for audited rows, and queues the step's audit event:
    /// the case id and number (staff know both), the step's day and, for 交办, the handler named.
    /// </summary>
    private async Task SaveAsync(ReportCase report, string action, DateOnly on, string? handler, CancellationToken ct)
    {
        report.Version++;
        db.AddAuditEvent(action, AuditEntity, report.Id.ToString(), new { report.CaseNumber, On = on, Handler = handler, report.Status });
        await db.SaveChangesAsync(ct);
    }
}
