using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Evaluations.Results;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Evaluations.Secretaries;

/// <summary>Strings of the secretaries' assessment pages (SecretaryText.resx, SecretaryText.en.resx).</summary>
public sealed class SecretaryText;

/// <summary>One year's result of a secretary: the campaign, the composite score, the grade, the rank and the per-indicator means.</summary>
public sealed record SecretaryYear(
    int Year, int CampaignId, string CampaignTitle, decimal Composite, string Grade, int Rank, IReadOnlyList<DimensionMean> Indicators);

/// <summary>A secretary's results across the years and the exit flag (EVA-9), with the indicators of the template.</summary>
public sealed record SecretaryReport(
    int PersonId, string Name, string OrganizationName, IReadOnlyList<SecretaryYear> Years, SecretaryFlag? Flag, int FlagYears,
    IReadOnlyList<string> PoorGrades, IReadOnlyList<CriteriaDimension> Indicators);

/// <summary>A secretary's grade and composite in one year of the list (the latest campaign of that year when there were two).</summary>
public sealed record SecretaryGrade(int Year, string Grade, decimal Composite);

/// <summary>
/// One secretary in the list: the grades of the years shown, the score and grade of the year asked for (null when not
/// assessed in it) and the exit flag as of the secretary's latest year assessed up to that year.
/// </summary>
public sealed record SecretaryRow(
    int PersonId, string Name, int OrganizationId, string OrganizationName, IReadOnlyList<SecretaryGrade> Grades, decimal? Score, string? Grade,
    SecretaryFlag? Flag);

/// <summary>
/// The list of assessed branch secretaries (EVA-9) as of <paramref name="Year"/>: the years shown (oldest first), the exit rule
/// (how many consecutive years, which grades) and a page of rows, the flagged first.
/// </summary>
public sealed record SecretaryListView(int Year, IReadOnlyList<int> Years, int FlagYears, IReadOnlyList<string> PoorGrades, Paged<SecretaryRow> Rows);

/// <summary>
/// 党支部书记量化考核 (EVA-9) read with Evaluations.Read on the secretary's organization: the results of the secretary
/// assessment campaigns (<see cref="CampaignKind.SecretaryAssessment"/>) in which the person is a subject, by year, and the
/// flag of <see cref="SecretaryFlags"/> as of the latest year assessed.
/// </summary>
public sealed class SecretaryQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock, IStringLocalizer<SecretaryText> text)
{
    /// <summary>The per-indicator means of a result's detail; none when it holds no readable detail (a result entered by hand).</summary>
    private static IReadOnlyList<DimensionMean> Means(string detailJson)
    {
        try
        {
            return ResultDetail.Read(detailJson).Dimensions;
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>How many years of grades the list shows, ending with the year asked for (at least the exit rule's count).</summary>
    public const int YearsShown = 3;
    public async Task<SecretaryReport> ReportAsync(int personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Name, p.OrganizationId, Org = o.Name }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(person?.OrganizationId, "person", personId, Permission.EvaluationsRead, ct);
        var rows = await db.EvaluationResults.AsNoTracking()
            .Join(db.EvaluationSubjects.Where(s => s.PersonId == personId), r => r.SubjectId, s => s.Id, (r, s) => new { r.CampaignId, r.Composite, r.Grade, r.Rank, r.DetailJson })
            .Join(db.EvaluationCampaigns.Where(c => c.Kind == CampaignKind.SecretaryAssessment), x => x.CampaignId, c => c.Id,
                (x, c) => new { c.Year, c.Id, c.Title, x.Composite, x.Grade, x.Rank, x.DetailJson })
            .ToListAsync(ct);
        var years = rows.OrderBy(r => r.Year).ThenBy(r => r.Id).Select(r => new SecretaryYear(r.Year, r.Id, r.Title, r.Composite, r.Grade, r.Rank, Means(r.DetailJson))).ToList();
        var rules = SecretaryExitRules.Default;
        var flag = years.Count == 0 ? null : SecretaryFlags.For(years.Select(y => new AnnualGrade(y.Year, y.Grade)), rules, years.Max(y => y.Year));
        return new SecretaryReport(personId, person!.Name, person.Org, years, flag, rules.Years, rules.PoorGrades, SecretaryAssessment.Criteria.Dimensions);
    }

    /// <summary>
    /// The branch secretaries assessed in the caller's organizations (Evaluations.Read; a secretary belongs to the person's
    /// organization, as for the report) in the <see cref="YearsShown"/> years ending with <paramref name="year"/> (by default
    /// the latest year any of them was assessed): name search, flagged only, a page of rows, the flagged first, then by
    /// organization and name.
    /// </summary>
    public async Task<SecretaryListView> ListAsync(
        int? year, bool? flaggedOnly, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        CheckYear(year, errors);
        errors.ThrowIfAny();
        var (asOf, years, rows) = await RowsAsync(year, flaggedOnly ?? false, search, ct);
        var rules = SecretaryExitRules.Default;
        var items = rows.Skip(window.Skip).Take(window.PageSize).ToList();
        return new SecretaryListView(asOf, years, rules.Years, rules.PoorGrades, new Paged<SecretaryRow>(items, rows.Count, window.Page, window.PageSize));
    }

    /// <summary>The whole list as .xlsx (the same filters, no paging): name, organization, the grade of each year shown, the score and the flag.</summary>
    public async Task<byte[]> ExportAsync(int? year, bool? flaggedOnly, string? search, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        CheckYear(year, errors);
        errors.ThrowIfAny();
        var (asOf, years, rows) = await RowsAsync(year, flaggedOnly ?? false, search, ct);
        var sheet = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [text["Col.Name"]] = ExcelFile.Safe(r.Name),
                [text["Col.Organization"]] = ExcelFile.Safe(r.OrganizationName),
            };
            foreach (var y in years)
            {
                row[text["Col.GradeOf", y]] = r.Grades.FirstOrDefault(g => g.Year == y)?.Grade;
            }

            row[text["Col.ScoreOf", asOf]] = r.Score;
            row[text["Col.Flag"]] = r.Flag is { } f ? text["FlagYes", f.FromYear, f.ToYear].Value : text["FlagNo"].Value;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    private static void CheckYear(int? year, FieldErrors errors)
    {
        if (year is { } y && (y < CampaignRules.MinYear || y > CampaignRules.MaxYear))
        {
            errors.Add("year", "Input.OutOfRange", "Field.Evaluation.Year", CampaignRules.MinYear, CampaignRules.MaxYear);
        }
    }

    private async Task<(int AsOf, IReadOnlyList<int> Years, List<SecretaryRow> Rows)> RowsAsync(int? year, bool flaggedOnly, string? search, CancellationToken ct)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.EvaluationsRead, ct);
        var q = from r in db.EvaluationResults.AsNoTracking()
                join s in db.EvaluationSubjects on r.SubjectId equals s.Id
                join c in db.EvaluationCampaigns on r.CampaignId equals c.Id
                join p in db.People on s.PersonId equals (int?)p.Id
                join o in orgs on p.OrganizationId equals o.Id
                where c.Kind == CampaignKind.SecretaryAssessment && !p.IsRemoved
                select new { PersonId = p.Id, p.Name, OrganizationId = o.Id, Organization = o.Name, c.Year, CampaignId = c.Id, r.Composite, r.Grade };
        var asOf = year ?? await q.MaxAsync(x => (int?)x.Year, ct) ?? clock.Today.Year;
        q = q.Where(x => x.Year <= asOf);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            q = q.Where(x => x.Name.Contains(term));
        }

        var found = await q.ToListAsync(ct);
        var rules = SecretaryExitRules.Default;
        var shown = Math.Max(YearsShown, rules.Years);
        var years = Enumerable.Range(asOf - shown + 1, shown).ToList();
        var rows = found.GroupBy(x => x.PersonId)
            .Where(g => g.Any(x => x.Year >= years[0]))
            .Select(g =>
            {
                var first = g.First();
                // One grade a year: the latest campaign of the year when a secretary was assessed twice in it.
                var byYear = g.GroupBy(x => x.Year).Select(y => y.MaxBy(x => x.CampaignId)!).OrderBy(x => x.Year).ToList();
                var latest = byYear[^1].Year;
                var flag = SecretaryFlags.For(byYear.Select(x => new AnnualGrade(x.Year, x.Grade)), rules, latest);
                var current = byYear.FirstOrDefault(x => x.Year == asOf);
                return new SecretaryRow(
                    first.PersonId, first.Name, first.OrganizationId, first.Organization,
                    [.. byYear.Where(x => x.Year >= years[0]).Select(x => new SecretaryGrade(x.Year, x.Grade, x.Composite))],
                    current?.Composite, current?.Grade, flag);
            })
            .Where(r => !flaggedOnly || r.Flag is not null)
            .OrderBy(r => r.Flag is null).ThenBy(r => r.OrganizationName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.PersonId)
            .ToList();
        return (asOf, years, rows);
    }
}
