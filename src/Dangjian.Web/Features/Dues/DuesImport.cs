using System.Globalization;
using System.Resources;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Dues;

/// <summary>The outcome of a payments import: either every row went in, or none did and the problems are named by row and column.</summary>
public sealed record DuesImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a branch's payments from .xlsx (DUE-2), as the roster import does (ORG-6): the first sheet, a header row naming
/// 姓名 / 月份 / 金额 / 缴纳日期 (or the English headers), every row checked with the same entity rule as a payment
/// entered by hand, every bad cell named, and nothing saved unless all rows are good; a clean file goes in in one save.
/// </summary>
public sealed class DuesImport(
    DangjianDbContext db, ScopeService scopes, CurrentUser user, OrgClock clock,
    IOptions<DangjianOptions> options, IStringLocalizer<RuleText> rules, IStringLocalizer<DuesText> text, ILogger<DuesImport> log)
{
    public const int MaxRows = 10_000;

    private static readonly string[] Columns = ["Name", "Month", "Paid", "PaidOn"];
    private static readonly string[] Required = ["Name", "Month", "Paid"];
    private static readonly string[] DayFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    private static readonly Lazy<Dictionary<string, string>> Headers = new(() =>
    {
        var resources = new ResourceManager(typeof(DuesText).FullName!, typeof(DuesText).Assembly);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Columns)
        {
            foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("en") })
            {
                if (resources.GetString($"Import.{column}", culture) is { } header)
                {
                    map[header.Trim()] = column;
                }
            }
        }

        return map;
    });

    public async Task<DuesImportResult> ImportAsync(int? organizationId, MemoryStream file, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.DuesWrite, orgId, ct);
        var (rows, errors) = XlsxImportSheet.Read(file, options.Value.MaxUploadBytes, MaxRows, rules, log, "Dues.ImportEmpty");
        if (rows is null)
        {
            return new(0, errors);
        }

        // The header: the first non-blank row; each column found by its header text in either language.
        var (headerRow, headerCells) = rows[0];
        var letters = headerCells.Where(c => c.Value is string s && Headers.Value.ContainsKey(s.Trim()))
            .ToDictionary(c => Headers.Value[((string)c.Value!).Trim()], c => (Letter: c.Key, Header: ((string)c.Value!).Trim()));
        foreach (var missing in Required.Where(c => !letters.ContainsKey(c)))
        {
            errors.Add(new(headerRow, null, FieldErrors.Localize(rules, "Import.MissingColumn", [text[$"Import.{missing}"].Value])));
        }

        if (errors.Count > 0)
        {
            return new(0, errors);
        }

        // The members the ledger of the organization shows (DuesQueries.LedgerAsync): its own and those of every organization
        // under it, so a township's clerk imports for its branches; each payment goes to the member's own organization's ledger.
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var members = await (from p in db.People.AsNoTracking()
                             join o in ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]) on p.OrganizationId equals o.Id
                             where !p.IsRemoved && p.Status != MemberStatus.Resident
                             select new { p.Id, p.Name, p.OrganizationId, OrganizationName = o.Name }).ToListAsync(ct);
        var byName = members.ToLookup(p => p.Name.Trim(), StringComparer.Ordinal);
        var records = new List<DuesPaymentRecord>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            string? Cell(string column) =>
                letters.TryGetValue(column, out var c) && cells.TryGetValue(c.Letter, out var v) ? XlsxImportSheet.Text(v) : null;
            void Bad(string column, string code, params object[] args) =>
                errors.Add(new(row, letters[column].Header, FieldErrors.Localize(rules, code, args)));

            var name = Cell("Name");
            var found = name is null ? [] : byName[name].ToList();
            if (name is null)
            {
                Bad("Name", "Input.Required", "Field.Dues.Name");
            }
            else if (found.Count == 0)
            {
                Bad("Name", "Dues.ImportUnknownMember", name);
            }
            else if (found.Count > 1)
            {
                Bad("Name", "Dues.ImportAmbiguousMember", name, string.Join("、", found.Select(m => m.OrganizationName).Distinct()));
            }

            var month = MonthText.Parse(Cell("Month")) ?? MonthOfDate(cells, letters["Month"].Letter);
            if (month is null)
            {
                Bad("Month", "Dues.NotAMonth", "Field.Dues.Month");
            }

            decimal? paid = decimal.TryParse(Cell("Paid"), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : null;
            if (paid is null)
            {
                Bad("Paid", "Input.Invalid", "Field.Dues.Paid");
            }

            DateOnly? paidOn = clock.Today;
            if (letters.TryGetValue("PaidOn", out var paidOnColumn) && Cell("PaidOn") is { } dayText)
            {
                paidOn = Day(cells[paidOnColumn.Letter], dayText);
                if (paidOn is null)
                {
                    Bad("PaidOn", "Input.BadDate", "Field.Dues.PaidOn");
                }
            }

            if (found.Count != 1 || month is null || paid is null || paidOn is null)
            {
                continue;
            }

            try
            {
                records.Add(DuesPaymentRecord.Payment(found[0].Id, found[0].OrganizationId, month.Value, paid.Value, paidOn.Value, clock.Today, user.Name, clock.UtcNow));
            }
            catch (DomainRuleException e)
            {
                foreach (var problem in e.Problems)
                {
                    var column = problem.Field switch { "paid" => "Paid", "paidOn" => "PaidOn", _ => "Month" };
                    Bad(column, problem.Code, problem.Arguments);
                }
            }
        }

        if (errors.Count > 0)
        {
            return new(0, errors);
        }

        db.DuesPayments.AddRange(records);
        db.AuditAction = "DuesPaymentRecord.Imported";
        await db.SaveChangesAsync(ct);
        return new(records.Count, []);
    }

    /// <summary>A month typed as a date (Excel turns "2026-03" into 2026-03-01): its month.</summary>
    private static DateOnly? MonthOfDate(IDictionary<string, object?> cells, string letter) =>
        cells.TryGetValue(letter, out var v) && v is DateTime d && SaneDates.Contains(d) ? DuesMonths.Of(DateOnly.FromDateTime(d)) : null;

    private static DateOnly? Day(object? raw, string text) =>
        raw is DateTime d ? DateOnly.FromDateTime(d)
        : DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
