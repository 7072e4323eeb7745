using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Reports;

/// <summary>
/// The report box as staff read it (Supervision.Reports, the district's organization department): the cases about the
/// organizations in scope, the case with its steps and answers. Never the reporter: no view carries anything of them but
/// a name they chose to sign with.
/// </summary>
public sealed class ReportQueries(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>
    /// A page of cases, newest filing first: about the organizations of <paramref name="organizationId"/>'s subtree (by
    /// default every one in scope), of a status, holding <paramref name="search"/> in the case number or the cadre's name.
    /// </summary>
    public async Task<Paged<ReportCaseRow>> ListAsync(
        int? organizationId, ReportCaseStatus? status, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var cases = await FilteredAsync(organizationId, status, search, ct);
        var total = await cases.CountAsync(ct);
        var rows = await Rows(cases.OrderByDescending(c => c.FiledOn).ThenBy(c => c.CaseNumber).Skip(new PageWindow(p, size).Skip).Take(size)).ToListAsync(ct);
        return new Paged<ReportCaseRow>(rows, total, p, size);
    }

    /// <summary>Every case the list would show, for the export.</summary>
    public async Task<IReadOnlyList<ReportCaseRow>> AllAsync(int? organizationId, ReportCaseStatus? status, string? search, CancellationToken ct = default) =>
        await Rows((await FilteredAsync(organizationId, status, search, ct)).OrderByDescending(c => c.FiledOn).ThenBy(c => c.CaseNumber)).ToListAsync(ct);

    /// <summary>One case, after the scope check on its organization; not found and out of scope look alike from outside.</summary>
    public async Task<ReportCaseView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var report = await db.ReportBoxCases.AsNoTracking().Include(c => c.Answers).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("report", id);
        await scopes.DemandAsync(Permission.SupervisionReports, report.OrganizationId, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == report.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        return View(report, name, await ElectionAsync(report, ct));
    }

    private async Task<ReportCaseElection?> ElectionAsync(ReportCase report, CancellationToken ct)
    {
        if (report.ElectionProjectId is not { } projectId)
        {
            return null;
        }

        var title = await db.ElectionProjects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).FirstOrDefaultAsync(ct) ?? string.Empty;
        var nominees = await db.Nominees.AsNoTracking().Where(n => n.ProjectId == projectId)
            .Join(db.People, n => n.PersonId, p => p.Id, (n, p) => new ReportNomineeOption(n.Id, p.Name))
            .ToListAsync(ct);
        return new ReportCaseElection(projectId, title, report.ElectionReportId, [.. nominees.OrderBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Id)]);
    }

    public static ReportCaseView View(ReportCase c, string organizationName, ReportCaseElection? election = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(
            c.Id, ReportSecret.DisplayCaseNumber(c.CaseNumber), c.OrganizationId, organizationName, c.SubjectKind, c.CadreName, c.Content, c.ReporterName,
            c.FiledOn, c.Status, c.AcceptedOn, c.AcceptedBy, c.Handler, c.AssignedOn, c.AssignedBy, c.InvestigatedOn, c.InvestigatedBy,
            c.ConcludedOn, c.ConcludedBy, c.Conclusion,
            [.. c.Answers.OrderBy(a => a.WrittenOn).ThenBy(a => a.Id).Select(a => new ReportAnswerView(a.Id, a.Text, a.WrittenBy, a.WrittenOn))],
            c.Version, election);
    }

    private async Task<IQueryable<ReportCase>> FilteredAsync(int? organizationId, ReportCaseStatus? status, string? search, CancellationToken ct)
    {
        IQueryable<Domain.Organizations.Organization> organizations;
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.SupervisionReports, orgId, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
            organizations = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]);
        }
        else
        {
            organizations = await scopes.OrganizationsAsync(Permission.SupervisionReports, ct);
        }

        var ids = organizations.Select(o => o.Id);
        var cases = db.ReportBoxCases.AsNoTracking().Where(c => ids.Contains(c.OrganizationId));
        if (status is { } s)
        {
            cases = cases.Where(c => c.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            // A case number as typed or printed (JB-ABCDE-FGHJK, any case) or a part of it; or a part of the cadre's name.
            var number = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            cases = cases.Where(c => c.CaseNumber.Contains(number) || (c.CadreName != null && c.CadreName.Contains(text)));
        }

        return cases;
    }

    private IQueryable<ReportCaseRow> Rows(IQueryable<ReportCase> cases) =>
        cases.Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c, o.Name })
            .Select(x => new ReportCaseRow(
                x.c.Id, ReportSecret.DisplayCaseNumber(x.c.CaseNumber), x.c.OrganizationId, x.Name, x.c.SubjectKind, x.c.CadreName, x.c.FiledOn, x.c.Status, x.c.Handler,
                x.c.ConcludedOn ?? x.c.InvestigatedOn ?? x.c.AssignedOn ?? x.c.AcceptedOn ?? x.c.FiledOn));
}
