using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.ThemeEducation;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.ThemeEducation;

/// <summary>
/// An organization reporting a required activity (ThemeEducation.Report on the reporting organization; a branch
/// secretary reports for their own branch). The rules — the campaign under way, the organization in its subtree and of a
/// level the activity names, the day — are <see cref="ThemeCampaign.Report"/>'s. A second report corrects the first and
/// carries its version.
/// </summary>
public sealed class ThemeReportCommands(DangjianDbContext db, ScopeService scopes, ThemeEducationQueries queries, OrgClock clock)
{
    public async Task<ThemeActivityReportView> ReportAsync(int id, int activityId, ReportThemeActivityRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.ThemeEducationReport, orgId, ct);
        var (_, campaignPath) = await queries.DemandVisibleAsync(id, ct);
        if (r.DoneOn is null)
        {
            throw new InputValidationException(new FieldErrors().Add("doneOn", "Input.Required", "Field.ThemeEducation.DoneOn"));
        }

        var campaign = await queries.LoadAsync(id, tracked: false, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new ThemeParticipant(o.Id, o.Kind, o.Path)).FirstAsync(ct);
        var existing = await db.ThemeActivityReports.FirstOrDefaultAsync(x => x.ActivityId == activityId && x.OrganizationId == orgId, ct);
        if (existing is not null)
        {
            // A correction must say which report it corrects: without its version it would overwrite one it never saw.
            db.ExpectVersion(existing, r.Version ?? -1);
        }

        var report = campaign.Report(activityId, org, campaignPath, r.DoneOn.Value, r.Note, r.Lines, clock.Today, existing);
        if (existing is null)
        {
            db.ThemeActivityReports.Add(report);
            db.AuditAction = "ActivityReport.Reported";
        }
        else
        {
            db.AuditAction = "ActivityReport.Corrected";
        }

        await db.SaveChangesAsync(ct);
        return ThemeEducationQueries.ReportView(report);
    }
}
