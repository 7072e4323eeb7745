using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Reports;

/// <summary>
/// The public side of the report box (举报, SUP-1), for anyone, without an account. Filing stores what the reporter wrote
/// and the day, nothing about the request (no address, no browser, no time of day): the row gets a random key, is not
/// audited, and is written in a mixed batch with whatever else was sent in the same moment (<see cref="SecretRows"/>), in
/// a random order. Following a case takes its number and the secret; an unknown number and a wrong secret get the same
/// answer after the same work (<see cref="ReportCases.Follow"/>), and what the reporter reads names no staff member.
/// </summary>
public sealed class ReportBox(DangjianDbContext db, OrgClock clock, SecrecyOptions secrecy)
{
    /// <summary>The most organizations the form's list offers at once; a longer list is narrowed by township or by name.</summary>
    public const int MaxOptions = 100;

    /// <summary>
    /// The organizations the form offers: by default the district and its townships; under a chosen township, the
    /// township and its organizations; with a name typed, those whose name holds it.
    /// </summary>
    public async Task<IReadOnlyList<ReportOrganizationOption>> OrganizationsAsync(int? township, string? search, CancellationToken ct = default)
    {
        var active = db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Active && o.Kind != OrganizationKind.PartyGroup);
        IQueryable<Organization> found;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            found = active.Where(o => o.Name.Contains(s));
        }
        else if (township is { } t && await active.Where(o => o.Id == t).Select(o => o.Path).FirstOrDefaultAsync(ct) is { } path)
        {
            found = active.Where(o => o.Path.StartsWith(path));
        }
        else
        {
            found = Townships(active);
        }

        return await found.OrderBy(o => o.Path).Take(MaxOptions)
            .Select(o => new ReportOrganizationOption(o.Id, o.Name, db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>The district and its townships (and street committees): the first choice of the form.</summary>
    public async Task<IReadOnlyList<ReportOrganizationOption>> TownshipsAsync(CancellationToken ct = default) =>
        await Townships(db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Active))
            .OrderBy(o => o.Path).Take(MaxOptions).Select(o => new ReportOrganizationOption(o.Id, o.Name, null)).ToListAsync(ct);

    /// <summary>
    /// Files a report (the rules are <see cref="ReportCase.File"/>'s) about an active organization and returns the case
    /// number and the secret, which exist in clear nowhere else; or the fields refused, with nothing stored.
    /// </summary>
    public async Task<FileReportResult> FileAsync(
        int? organizationId, ReportSubjectKind? subjectKind, string? cadreName, string? content, string? reporterName, CancellationToken ct = default) =>
        await FileAsync(organizationId, subjectKind, cadreName, content, reporterName, null, ct);

    /// <summary>
    /// Files a report; with <paramref name="electionProjectId"/>, a report of misconduct in that election (ELE-14), about
    /// the election's organization whatever else was sent, refused like a missing organization when no election under way
    /// has that id.
    /// </summary>
    public async Task<FileReportResult> FileAsync(
        int? organizationId, ReportSubjectKind? subjectKind, string? cadreName, string? content, string? reporterName, int? electionProjectId,
        CancellationToken ct = default)
    {
        if (electionProjectId is { } electionId)
        {
            organizationId = (await ElectionAsync(electionId, ct))?.OrganizationId;
        }

        var errors = new FieldErrors();
        if (subjectKind is null)
        {
            errors.Add("subjectKind", "Input.Required", "Field.Report.SubjectKind");
        }

        if (organizationId is not { } orgId || !await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == orgId && o.Status == OrganizationStatus.Active, ct))
        {
            errors.Add("organizationId", "Input.Required", "Field.Report.Organization");
        }

        if (errors.Any)
        {
            return new FileReportResult(null, errors.Items);
        }

        ReportCase report;
        string secret;
        try
        {
            (report, secret) = ReportCase.File(subjectKind!.Value, organizationId!.Value, cadreName, content ?? string.Empty, reporterName, clock.Today, electionProjectId);
        }
        catch (DomainRuleException e)
        {
            return new FileReportResult(null, FieldErrors.From(e).Items);
        }

        await SecretRows.AddAsync(db, secrecy, report, ct);
        return new FileReportResult(new FiledReport(ReportSecret.DisplayCaseNumber(report.CaseNumber), ReportSecret.DisplaySecret(secret)), []);
    }

    /// <summary>An election under way (not closed) of an active organization, as the misconduct form names it; else null.</summary>
    public async Task<ReportElectionOption?> ElectionAsync(int electionProjectId, CancellationToken ct = default) =>
        await db.ElectionProjects.AsNoTracking()
            .Where(p => p.Id == electionProjectId && p.ClosedAt == null)
            .Join(db.Organizations.Where(o => o.Status == OrganizationStatus.Active), p => p.OrganizationId, o => o.Id, (p, o) => new ReportElectionOption(p.Id, p.Title, o.Id, o.Name))
            .FirstOrDefaultAsync(ct);

    /// <summary>The case as its reporter reads it, or null (an unknown number, a wrong secret, text that is neither: all alike).</summary>
    public async Task<PublicReportCase?> FollowAsync(string? caseNumber, string? secret, CancellationToken ct = default)
    {
        var number = ReportSecret.NormalizeCaseNumber(caseNumber);
        var found = number is null ? null : await db.ReportBoxCases.AsNoTracking().Include(c => c.Answers).FirstOrDefaultAsync(c => c.CaseNumber == number, ct);
        if (ReportCases.Follow(found, secret) is not { } report)
        {
            return null;
        }

        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == report.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        List<PublicReportStep> steps = [new(ReportCaseStatus.Filed, report.FiledOn)];
        foreach (var (status, on) in new[]
        {
            (ReportCaseStatus.Accepted, report.AcceptedOn), (ReportCaseStatus.Assigned, report.AssignedOn),
            (ReportCaseStatus.Investigated, report.InvestigatedOn), (ReportCaseStatus.Concluded, report.ConcludedOn),
        })
        {
            if (on is { } day)
            {
                steps.Add(new(status, day));
            }
        }

        return new PublicReportCase(
            ReportSecret.DisplayCaseNumber(report.CaseNumber), organization, report.Status, steps,
            [.. report.Answers.OrderBy(a => a.WrittenOn).ThenBy(a => a.Id).Select(a => new PublicReportAnswer(a.Text, a.WrittenOn))],
            report.Conclusion);
    }

    private static IQueryable<Organization> Townships(IQueryable<Organization> organizations) =>
        organizations.Where(o => o.Kind == OrganizationKind.DistrictCommittee || o.Kind == OrganizationKind.TownshipCommittee || o.Kind == OrganizationKind.StreetWorkingCommittee);
}
