using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Inspections;

/// <summary>
/// Records an inspection (调阅, STU-4) of an organization's leaders by its superior (seed 000, 一: 对平时自学考察实行上级组织调阅制):
/// the caller must hold Study.Write on the superior, the organization's parent; the inspection is opened, each finding
/// added and the inspection completed by <see cref="StudyInspection"/>, and saved only when every row passed.
/// </summary>
public sealed class StudyInspectionCommands(DangjianDbContext db, ScopeService scopes, StudyLeaders leaders, StudyInspectionQueries queries, OrgClock clock)
{
    public async Task<StudyInspectionView> RecordAsync(RecordStudyInspectionRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.ParentId }).FirstOrDefaultAsync(ct);
        if (org is null)
        {
            await scopes.DemandRecordAsync(null, "organization", orgId, Permission.StudyWrite, ct);
        }

        if (org!.ParentId is not { } superior)
        {
            // The top of the tree has nobody above it to inspect it; the caller still must be allowed to see it.
            await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
            throw new DomainRuleException("Study.NoSuperior", "organizationId");
        }

        await scopes.DemandAsync(Permission.StudyWrite, superior, ct);
        var errors = new FieldErrors();
        if (r.Kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Study.InspectionKind");
        }

        if (r.Date is null)
        {
            errors.Add("date", "Input.Required", "Field.Study.InspectionDate");
        }

        errors.ThrowIfAny();
        var inspection = StudyInspection.Open(orgId, superior, r.Kind!.Value, r.Date!.Value, r.InspectorName ?? string.Empty, clock.Today);
        var people = (await leaders.OfAsync(orgId, r.Date.Value, ct)).ToDictionary(l => l.PersonId, l => l.Name);
        var rows = r.Findings ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new FieldErrors();
            if (rows[i].PersonId is not { } personId || !people.TryGetValue(personId, out var name))
            {
                errors.AddRow("findings", i, rows[i].PersonId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    row.Add("personId", "Study.NotALeaderOf"));
                continue;
            }

            try
            {
                inspection.AddFinding(personId, rows[i].Satisfactory, rows[i].Text);
            }
            catch (DomainRuleException e)
            {
                errors.AddRow("findings", i, name, FieldErrors.From(e));
            }
        }

        errors.ThrowIfAny();
        inspection.Complete(clock.UtcNow);
        db.StudyInspections.Add(inspection);
        db.AuditAction = "StudyInspection.Recorded";
        await db.SaveChangesAsync(ct);
        return (await queries.ViewsAsync([inspection], ct))[0];
    }
}
