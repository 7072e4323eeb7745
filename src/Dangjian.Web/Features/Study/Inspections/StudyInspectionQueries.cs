using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Inspections;

/// <summary>
/// 调阅 (STU-4) as the superior organization reads it: who below it has not been inspected this quarter (notes) or
/// month (reflections), by <see cref="StudyInspections.NotInspected"/>, and the inspections held.
/// </summary>
public sealed class StudyInspectionQueries(DangjianDbContext db, ScopeService scopes, StudyLeaders leaders, OrgClock clock)
{
    public async Task<StudyInspectionsView> ListAsync(int? organizationId, StudyInspectionKind? kind, DateOnly? day, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        var errors = new FieldErrors();
        errors.SaneDay("day", "Field.Study.InspectionDate", day);
        if (kind is { } k && !Enum.IsDefined(k))
        {
            errors.Add("kind", "Input.Invalid", "Field.Study.InspectionKind");
        }

        errors.ThrowIfAny();
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var (what, on) = (kind ?? StudyInspectionKind.Notes, day ?? clock.Today);
        var period = StudyInspections.PeriodOf(what, on);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Path, o.Name }).FirstAsync(ct);
        var below = (await leaders.OfSubtreeAsync(orgId, on, ct)).Where(l => l.OrganizationId != orgId).ToList();
        var inspections = await db.StudyInspections.AsNoTracking().Include(i => i.Findings)
            .Where(i => i.Kind == what && i.Date >= period.Start && i.Date <= period.End
                && db.Organizations.Any(o => o.Id == i.OrganizationId && o.Path.StartsWith(path.Path)))
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).ToListAsync(ct);
        var missing = StudyInspections.NotInspected(below.Select(l => l.PersonId), inspections, what, on).ToHashSet();
        return new StudyInspectionsView(
            orgId, path.Name, what, period.Start, period.End,
            [.. below.Where(l => missing.Contains(l.PersonId)).Select(l => new NotInspectedView(l.PersonId, l.Name, l.OrganizationId, l.OrganizationName))],
            await ViewsAsync(inspections, ct),
            [.. below.DistinctBy(l => l.OrganizationId).Select(l => new OrganizationOption(l.OrganizationId, l.OrganizationName))],
            await scopes.MayAsync(Permission.StudyWrite, orgId, ct));
    }

    /// <summary>The leaders of an organization an inspection finds on, and its superior (none at the top of the tree).</summary>
    public async Task<InspectablePeopleView> PeopleAsync(int? organizationId, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.ParentId }).FirstAsync(ct);
        return new InspectablePeopleView(orgId, org.Name, org.ParentId, await leaders.OfAsync(orgId, clock.Today, ct));
    }

    public async Task<IReadOnlyList<StudyInspectionView>> ViewsAsync(IReadOnlyList<StudyInspection> inspections, CancellationToken ct = default)
    {
        var personIds = inspections.SelectMany(i => i.Findings.Select(f => f.PersonId)).Distinct().ToList();
        var orgIds = inspections.Select(i => i.OrganizationId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. inspections.Select(i => new StudyInspectionView(
            i.Id, i.OrganizationId, orgs[i.OrganizationId], i.InspectorOrganizationId, i.Kind, i.Date, i.Period.Start, i.Period.End, i.InspectorName,
            [.. i.Findings.OrderBy(f => f.Id).Select(f => new StudyFindingView(f.PersonId, names.GetValueOrDefault(f.PersonId, string.Empty), f.Satisfactory, f.Text))]))];
    }

}
