using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>Misconduct reports (ELE-14): filed, investigated, concluded; a proven one disqualifies the nominee it names (ELE-5).</summary>
public sealed class ReportCommands(DangjianDbContext db, ProjectAccess access, NomineeCommands nominees)
{
    public async Task<int> FileAsync(int id, ReportRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var errors = new FieldErrors();
        if (r.ReceivedOn is null)
        {
            errors.Add("receivedOn", "Input.Required", "Field.ReceivedOn");
        }

        var summary = errors.Text("summary", "Field.Summary", r.Summary, ReportCase.MaxTextLength);
        if (r.NomineeId is { } nomineeId && !await db.Nominees.AnyAsync(n => n.Id == nomineeId && n.ProjectId == id, ct))
        {
            errors.Add("nomineeId", "Input.Invalid", "Field.Nominee");
        }

        errors.ThrowIfAny();
        var report = new ReportCase { ProjectId = id, NomineeId = r.NomineeId, ReceivedOn = r.ReceivedOn!.Value, Summary = summary, Stage = ReportStage.Filed };
        db.ReportCases.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    /// <summary>
    /// Moves a report on (<see cref="ReportFlow"/>). Proven against a nominee disqualifies them (一票否决); if they are on
    /// a fixed list and no round exists yet, they come off it and the list is unfixed, to be fixed again without them.
    /// With a round already under way the list stays; the report page warns.
    /// </summary>
    public async Task MoveAsync(int id, int reportId, ReportStageRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var report = await db.ReportCases.FirstOrDefaultAsync(x => x.Id == reportId && x.ProjectId == id, ct) ?? throw new NotFoundException("report", reportId);
        db.ExpectVersion(report, r.Version);
        var errors = new FieldErrors();
        if (r.Stage is not { } stage || !Enum.IsDefined(stage))
        {
            errors.Add("stage", "Input.Required", "Field.Stage");
            errors.ThrowIfAny();
            return;
        }

        if (!ReportFlow.CanMove(report.Stage, stage))
        {
            throw new DomainRuleException("Election.ReportStageNotNext", "stage");
        }

        var conclusion = ReportFlow.IsConclusion(stage);
        var findings = errors.Text("findings", "Field.Findings", r.Findings, ReportCase.MaxTextLength, required: conclusion);
        if (conclusion && r.ConcludedOn is null)
        {
            errors.Add("concludedOn", "Input.Required", "Field.ConcludedOn");
        }
        else if (conclusion && r.ConcludedOn < report.ReceivedOn)
        {
            errors.Add("concludedOn", "Election.ConcludedBeforeReceived");
        }

        errors.ThrowIfAny();
        report.Stage = stage;
        if (conclusion)
        {
            report.Findings = findings;
            report.ConcludedOn = r.ConcludedOn;
        }

        if (stage == ReportStage.Proven && report.NomineeId is { } nomineeId)
        {
            var nominee = await db.Nominees.FirstAsync(n => n.Id == nomineeId, ct);
            nominee.DisqualifiedByReportId = report.Id;
            await nominees.UnfixListOfAsync(nominee, ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
