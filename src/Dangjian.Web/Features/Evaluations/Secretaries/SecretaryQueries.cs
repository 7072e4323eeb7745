using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Secretaries;

/// <summary>Strings of the secretaries' assessment pages (SecretaryText.resx, SecretaryText.en.resx).</summary>
public sealed class SecretaryText;

/// <summary>One year's result of a secretary: the campaign, the composite score, the grade, the rank and the per-indicator means.</summary>
public sealed record SecretaryYear(int Year, int CampaignId, string CampaignTitle, decimal Composite, string Grade, int Rank);

/// <summary>A secretary's results across the years and the exit flag (EVA-9), with the indicators of the template.</summary>
public sealed record SecretaryReport(
    int PersonId, string Name, string OrganizationName, IReadOnlyList<SecretaryYear> Years, SecretaryFlag? Flag, int FlagYears,
    IReadOnlyList<string> PoorGrades, IReadOnlyList<CriteriaDimension> Indicators);

/// <summary>
/// 党支部书记量化考核 (EVA-9) read with Evaluations.Read on the secretary's organization: the results of the secretary
/// assessment campaigns (<see cref="CampaignKind.SecretaryAssessment"/>) in which the person is a subject, by year, and the
/// flag of <see cref="SecretaryFlags"/> as of the latest year assessed.
/// </summary>
public sealed class SecretaryQueries(DangjianDbContext db, ScopeService scopes)
{
    public async Task<SecretaryReport> ReportAsync(int personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Name, p.OrganizationId, Org = o.Name }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(person?.OrganizationId, "person", personId, Permission.EvaluationsRead, ct);
        var rows = await db.EvaluationResults.AsNoTracking()
            .Join(db.EvaluationSubjects.Where(s => s.PersonId == personId), r => r.SubjectId, s => s.Id, (r, s) => new { r.CampaignId, r.Composite, r.Grade, r.Rank })
            .Join(db.EvaluationCampaigns.Where(c => c.Kind == CampaignKind.SecretaryAssessment), x => x.CampaignId, c => c.Id,
                (x, c) => new { c.Year, c.Id, c.Title, x.Composite, x.Grade, x.Rank })
            .ToListAsync(ct);
        var years = rows.OrderBy(r => r.Year).ThenBy(r => r.Id).Select(r => new SecretaryYear(r.Year, r.Id, r.Title, r.Composite, r.Grade, r.Rank)).ToList();
        var rules = SecretaryExitRules.Default;
        var flag = years.Count == 0 ? null : SecretaryFlags.For(years.Select(y => new AnnualGrade(y.Year, y.Grade)), rules, years.Max(y => y.Year));
        return new SecretaryReport(personId, person!.Name, person.Org, years, flag, rules.Years, rules.PoorGrades, SecretaryAssessment.Criteria.Dimensions);
    }
}
