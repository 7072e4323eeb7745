using System.Globalization;
using System.Resources;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Study.Records;

/// <summary>The outcome of a records import: either every row went in, or none did and the problems are named by row and column.</summary>
public sealed record StudyImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports the study records of an organization subtree from .xlsx (STU-1), as the roster and dues imports do: the first
/// sheet, a header row naming its columns in either language (姓名 / 类型 / 日期 / 学时 / 开始日期 / 结束日期 / 主题 / 学习内容),
/// each row checked by the same rule as a record the clerk enters by hand (<see cref="StudyRecord.Enter"/>), every bad
/// cell named, and nothing saved unless every row is good. The clerk's import approves the records it enters.
/// </summary>
public sealed class StudyRecordImport(
    DangjianDbContext db, ScopeService scopes, StudyCredits credits, CurrentUser user, OrgClock clock,
    IOptions<DangjianOptions> options, IStringLocalizer<RuleText> rules, IStringLocalizer<StudyRecordText> text, ILogger<StudyRecordImport> log)
{
    public const int MaxRows = 10_000;

    private static readonly string[] Columns = ["Name", "Kind", "Date", "Hours", "From", "To", "Topic", "Notes", "Content"];
    private static readonly string[] DayFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    /// <summary>Which column a refusal of the rule belongs in, by the field it names.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["kind"] = "Kind", ["date"] = "Date", ["hours"] = "Hours", ["from"] = "From", ["to"] = "To", ["topic"] = "Topic", ["notes"] = "Notes", ["content"] = "Content",
    };

    private static readonly Lazy<(Dictionary<string, string> Headers, Dictionary<string, StudyKind> Kinds, Dictionary<string, StudyContent> Contents)> Words = new(() =>
    {
        var resources = new ResourceManager(typeof(StudyRecordText).FullName!, typeof(StudyRecordText).Assembly);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var kinds = new Dictionary<string, StudyKind>(StringComparer.OrdinalIgnoreCase);
        var contents = new Dictionary<string, StudyContent>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("en") })
        {
            foreach (var column in Columns)
            {
                if (resources.GetString($"Import.{column}", culture) is { } header)
                {
                    headers[header.Trim()] = column;
                }
            }

            foreach (var kind in Enum.GetValues<StudyKind>())
            {
                kinds[kind.ToString()] = kind;
                if (resources.GetString($"Kind.{kind}", culture) is { } name)
                {
                    kinds[name.Trim()] = kind;
                }
            }

            foreach (var content in Enum.GetValues<StudyContent>())
            {
                contents[content.ToString()] = content;
                if (resources.GetString($"Content.{content}", culture) is { } name)
                {
                    contents[name.Trim()] = content;
                }
            }
        }

        return (headers, kinds, contents);
    });

    public async Task<StudyImportResult> ImportAsync(int? organizationId, MemoryStream file, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.StudyWrite, orgId, ct);
        var (rows, errors) = XlsxImportSheet.Read(file, options.Value.MaxUploadBytes, MaxRows, rules, log, "Study.ImportEmpty");
        if (rows is null)
        {
            return new(0, errors);
        }

        // The header: the first non-blank row; each column found by its header text in either language.
        var (headerRow, headerCells) = rows[0];
        var letters = headerCells.Where(c => c.Value is string s && Words.Value.Headers.ContainsKey(s.Trim()))
            .ToDictionary(c => Words.Value.Headers[((string)c.Value!).Trim()], c => (Letter: c.Key, Header: ((string)c.Value!).Trim()));
        foreach (var missing in new[] { "Name", "Kind" }.Where(c => !letters.ContainsKey(c)))
        {
            errors.Add(new(headerRow, null, FieldErrors.Localize(rules, "Import.MissingColumn", [text[$"Import.{missing}"].Value])));
        }

        if (errors.Count > 0)
        {
            return new(0, errors);
        }

        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var people = await db.People.AsNoTracking()
            .Where(p => !p.IsRemoved && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path)))
            .Select(p => new { p.Id, p.Name, p.OrganizationId }).ToListAsync(ct);
        var byName = people.ToLookup(p => p.Name.Trim(), StringComparer.Ordinal);
        var records = new List<StudyRecord>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            var before = errors.Count;
            string? Cell(string column) => letters.TryGetValue(column, out var c) && cells.TryGetValue(c.Letter, out var v) ? XlsxImportSheet.Text(v) : null;
            void Bad(string column, string code, params object[] args) =>
                errors.Add(new(row, letters.TryGetValue(column, out var c) ? c.Header : text[$"Import.{column}"].Value, FieldErrors.Localize(rules, code, args)));
            DateOnly? Day(string column, string label)
            {
                if (Cell(column) is not { } dayText)
                {
                    return null;
                }

                var raw = cells[letters[column].Letter];
                DateOnly? day = raw is DateTime d ? DateOnly.FromDateTime(d)
                    : DateOnly.TryParseExact(dayText, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
                if (day is null)
                {
                    Bad(column, "Input.BadDate", label);
                }

                return day;
            }

            var name = Cell("Name");
            var found = name is null ? [] : byName[name].ToList();
            if (name is null)
            {
                Bad("Name", "Input.Required", "Field.Study.Name");
            }
            else if (found.Count != 1)
            {
                Bad("Name", found.Count == 0 ? "Study.ImportUnknownPerson" : "Study.ImportAmbiguousPerson", name);
            }

            StudyKind? kind = Cell("Kind") is { } kindText && Words.Value.Kinds.TryGetValue(kindText, out var k) ? k : null;
            if (kind is null)
            {
                Bad("Kind", Cell("Kind") is null ? "Input.Required" : "Input.Invalid", "Field.Study.Kind");
            }

            var (date, from, to) = (Day("Date", "Field.Study.Date"), Day("From", "Field.Study.From"), Day("To", "Field.Study.To"));
            decimal? hours = null;
            if (Cell("Hours") is { } hoursText)
            {
                hours = decimal.TryParse(hoursText, NumberStyles.Number, CultureInfo.InvariantCulture, out var h) ? h : null;
                if (hours is null)
                {
                    Bad("Hours", "Input.Invalid", "Field.Study.Hours");
                }
            }

            // 学习内容 is optional; a cell that names none of the contents is refused rather than counted as unclassified.
            StudyContent? about = null;
            if (Cell("Content") is { } contentText)
            {
                about = Words.Value.Contents.TryGetValue(contentText, out var c) ? c : null;
                if (about is null)
                {
                    Bad("Content", "Input.Invalid", "Field.Study.Content");
                }
            }

            if (found.Count != 1 || kind is null || errors.Count > before)
            {
                continue;
            }

            try
            {
                var content = new StudyRecordContent(kind.Value, date, hours, from, to, Cell("Topic"), Cell("Notes"), about);
                records.Add(StudyRecord.Enter(found[0].Id, found[0].OrganizationId, content, byClerk: true, credits, user.Name, clock.UtcNow, clock.Today));
            }
            catch (DomainRuleException e)
            {
                foreach (var problem in e.Problems)
                {
                    Bad(ColumnOfField.GetValueOrDefault(problem.Field, "Kind"), problem.Code, problem.Arguments);
                }
            }
        }

        if (errors.Count > 0)
        {
            return new(0, errors);
        }

        db.StudyRecords.AddRange(records);
        db.AuditAction = "StudyRecord.Imported";
        await db.SaveChangesAsync(ct);
        return new(records.Count, []);
    }
}
