using System.Globalization;
using System.Resources;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Units;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Units;

/// <summary>The columns of the unit template, in template order (ORG-4).</summary>
public enum UnitColumn
{
    Name,
    Kind,

    /// <summary>The code of the township/street committee whose area the unit lies in.</summary>
    AreaCode,

    /// <summary>The code of the party organization covering the unit; empty for a 空白点.</summary>
    OrganizationCode,
    Headcount,
}

/// <summary>The outcome of a unit import: <see cref="Imported"/> units added, or none and the first problems of <see cref="ErrorCount"/>.</summary>
public sealed record UnitImportResult(int Imported, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>The answer to a clean unit import.</summary>
public sealed record UnitImportSummary(int Imported);

/// <summary>
/// Imports units from .xlsx (ORG-4), all or nothing, as the roster import does (ORG-6): every row is checked with the unit
/// form's rules (<see cref="UnitRules"/>) and the organizations its codes name (known, active, in the uploader's
/// Units.Edit scope); every problem is reported by row, column and reason; a clean file goes in whole, in one
/// transaction, each unit audited. Headers and kinds are read in either language (单位名称 or Unit, 行政村 or Village).
/// </summary>
public sealed class UnitImport(
    DangjianDbContext db,
    ScopeService scopes,
    CurrentUser user,
    IOptions<DangjianOptions> options,
    IStringLocalizer<RuleText> rules,
    IStringLocalizer<UnitText> text,
    ILogger<UnitImport> log)
{
    public const int MaxRows = 10_000;
    public const int MaxReportedErrors = 1_000;

    /// <summary>How much an .xlsx may inflate to, relative to the upload limit.</summary>
    private const int MaxInflation = 40;

    private static readonly CultureInfo[] Cultures = [CultureInfo.InvariantCulture, new("en")];
    private static readonly IReadOnlySet<UnitColumn> Required = new HashSet<UnitColumn> { UnitColumn.Name, UnitColumn.Kind, UnitColumn.AreaCode };

    public static string ResourceKey(UnitColumn c) => "Col.Import." + c;

    public static string Field(UnitColumn c) => c switch
    {
        UnitColumn.AreaCode => "areaOrganizationId",
        UnitColumn.OrganizationCode => "organizationId",
        _ => char.ToLowerInvariant(c.ToString()[0]) + c.ToString()[1..],
    };

    /// <summary>The template: the columns with headers in the caller's language, and no rows (nothing to forget to delete).</summary>
    public static async Task<byte[]> TemplateAsync(IStringLocalizer<UnitText> text, CancellationToken ct)
    {
        var row = Enum.GetValues<UnitColumn>().ToDictionary(c => text[ResourceKey(c)].Value, _ => (object?)null);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[] { row }, sheetName: text["Import.Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<UnitImportResult> ImportAsync(MemoryStream file, CancellationToken ct = default)
    {
        var scope = await scopes.GetAsync(ct);
        if (scope.Roots(Permission.UnitsEdit).Count == 0)
        {
            throw new ScopeRefusedException();
        }

        var report = new Report(rules);
        var inspection = XlsxPackage.Inspect(file, options.Value.MaxUploadBytes * MaxInflation);
        if (!inspection.IsWorkbook)
        {
            return report.File("Import.NotXlsx");
        }

        if (inspection.TooLarge)
        {
            return report.File("Import.TooLargeUnpacked");
        }

        foreach (var f in inspection.Formulas)
        {
            report.Add(f.Row, f.Column, "Import.Formula", f.Reference);
        }

        if (report.Count > 0)
        {
            return report.Result();
        }

        file.Position = 0;
        List<(int Row, Dictionary<UnitColumn, (string Header, object? Value)> Cells)> rows;
        try
        {
            rows = Read(file, report);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            log.LogInformation(e, "Unit upload could not be read as .xlsx");
            return report.File("Import.NotXlsx");
        }

        if (report.Count > 0)
        {
            return report.Result();
        }

        var units = await CheckAsync(rows, scope, report, ct);
        if (report.Count > 0)
        {
            return report.Result();
        }

        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.GetBuffer().AsSpan(0, (int)file.Length)));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Units.AddRange(units);
        db.AddAuditEvent("Units.Imported", "Unit", sha256, new { Sha256 = sha256, Rows = units.Count, Actor = user.Name });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(CancellationToken.None);
        return new UnitImportResult(units.Count, [], 0);
    }

    /// <summary>The rows under the header (the first non-blank row), each cell under the column its header names.</summary>
    private List<(int Row, Dictionary<UnitColumn, (string Header, object? Value)> Cells)> Read(MemoryStream file, Report report)
    {
        var headers = Headers();
        Dictionary<string, (UnitColumn Column, string Header)>? columns = null;
        var rows = new List<(int, Dictionary<UnitColumn, (string, object?)>)>();
        var number = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }

            if (columns is null)
            {
                columns = [];
                foreach (var (letter, value) in cells)
                {
                    var header = (value as string)?.Trim() ?? string.Empty;
                    if (headers.TryGetValue(Normalize(header), out var column))
                    {
                        if (columns.Values.Any(c => c.Column == column))
                        {
                            report.Add(number, header, "Import.DuplicateColumn", header);
                        }
                        else
                        {
                            columns[letter] = (column, header);
                        }
                    }
                }

                foreach (var missing in Required.Where(c => columns.Values.All(x => x.Column != c)).Order())
                {
                    var header = text[ResourceKey(missing)].Value;
                    report.Add(number, header, "Import.MissingColumn", header);
                }

                if (report.Count > 0)
                {
                    return [];
                }

                continue;
            }

            if (rows.Count == MaxRows)
            {
                report.Clear();
                report.File("Import.TooManyRows", MaxRows);
                return [];
            }

            rows.Add((number, columns.ToDictionary(c => c.Value.Column, c => (c.Value.Header, cells.TryGetValue(c.Key, out var v) ? v : null))));
        }

        if (rows.Count == 0)
        {
            report.File("Import.Empty");
        }

        return rows;
    }

    private async Task<List<Unit>> CheckAsync(List<(int Row, Dictionary<UnitColumn, (string Header, object? Value)> Cells)> rows, Scope scope, Report report, CancellationToken ct)
    {
        var codes = rows.SelectMany(r => new[] { TextOf(r.Cells, UnitColumn.AreaCode), TextOf(r.Cells, UnitColumn.OrganizationCode) })
            .OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var organizations = new Dictionary<string, (int Id, string Path, OrganizationStatus Status)>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Code)).Select(o => new { o.Code, o.Id, o.Path, o.Status }).ToListAsync(ct))
            {
                organizations[o.Code] = (o.Id, o.Path, o.Status);
            }
        }

        var areaIds = organizations.Values.Select(o => o.Id).ToList();
        var stored = (await db.Units.AsNoTracking().Where(u => areaIds.Contains(u.AreaOrganizationId)).Select(u => new { u.AreaOrganizationId, u.Name }).ToListAsync(ct))
            .Select(u => (u.AreaOrganizationId, u.Name)).ToHashSet();
        var inFile = new Dictionary<(int, string), int>();
        var kinds = Kinds();
        var units = new List<Unit>();
        foreach (var (row, cells) in rows)
        {
            var before = report.Count;
            string HeaderOf(UnitColumn c) => cells.TryGetValue(c, out var cell) ? cell.Header : text[ResourceKey(c)].Value;

            foreach (var (column, (header, value)) in cells)
            {
                if (value is string s && s.TrimStart().StartsWith('='))
                {
                    report.Add(row, header, "Import.FormulaText");
                }
            }

            UnitKind? kind = null;
            var kindText = TextOf(cells, UnitColumn.Kind);
            if (!string.IsNullOrEmpty(kindText))
            {
                if (kinds.TryGetValue(Normalize(kindText), out var k))
                {
                    kind = k;
                }
                else
                {
                    report.Add(row, HeaderOf(UnitColumn.Kind), "Input.Invalid", "Field.UnitKind");
                }
            }

            int? headcount = null;
            var badHeadcount = false;
            if (cells.TryGetValue(UnitColumn.Headcount, out var hc) && hc.Value is not null && !(hc.Value is string hs && string.IsNullOrWhiteSpace(hs)))
            {
                if (decimal.TryParse(Convert.ToString(hc.Value, CultureInfo.InvariantCulture)?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n == decimal.Truncate(n) && n >= int.MinValue && n <= int.MaxValue)
                {
                    headcount = (int)n;
                }
                else
                {
                    badHeadcount = true;
                    report.Add(row, hc.Header, "Input.Invalid", "Field.Headcount");
                }
            }

            var area = Organization(row, TextOf(cells, UnitColumn.AreaCode), HeaderOf(UnitColumn.AreaCode), organizations, scope, report);
            var covering = Organization(row, TextOf(cells, UnitColumn.OrganizationCode), HeaderOf(UnitColumn.OrganizationCode), organizations, scope, report);
            var areaBad = !string.IsNullOrEmpty(TextOf(cells, UnitColumn.AreaCode)) && area is null;
            var kindBad = !string.IsNullOrEmpty(kindText) && kind is null;
            var (facts, problems) = UnitRules.Check(new UnitFacts(TextOf(cells, UnitColumn.Name), kind, area ?? (areaBad ? 0 : null), covering, badHeadcount ? 0 : headcount));
            foreach (var p in problems)
            {
                var column = Enum.GetValues<UnitColumn>().First(c => Field(c) == p.Field);
                if ((column == UnitColumn.Kind && kindBad) || (column == UnitColumn.AreaCode && areaBad))
                {
                    continue;
                }

                report.Add(row, HeaderOf(column), p.Code, p.Arguments);
            }

            if (report.Count > before || area is not { } areaId)
            {
                continue;
            }

            var key = (areaId, facts.Name!);
            if (inFile.TryGetValue(key, out var first))
            {
                report.Add(row, HeaderOf(UnitColumn.Name), "Unit.DuplicateInFile", first);
                continue;
            }

            inFile[key] = row;
            if (stored.Contains(key))
            {
                report.Add(row, HeaderOf(UnitColumn.Name), "Unit.Duplicate", facts.Name!);
                continue;
            }

            var unit = new Unit();
            UnitRules.Apply(unit, facts);
            units.Add(unit);
        }

        return units;
    }

    /// <summary>The organization a code names, if known, active and in the uploader's Units.Edit scope; the problem named otherwise.</summary>
    private static int? Organization(int row, string? code, string header, Dictionary<string, (int Id, string Path, OrganizationStatus Status)> organizations, Scope scope, Report report)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (!organizations.TryGetValue(code, out var o) || !scope.Allows(Permission.UnitsEdit, o.Path))
        {
            // Unknown and outside the uploader's scope read alike: the file learns nothing of other townships.
            report.Add(row, header, "Input.UnknownOrganization");
            return null;
        }

        if (o.Status != OrganizationStatus.Active)
        {
            report.Add(row, header, "Unit.OrganizationDissolved");
            return null;
        }

        return o.Id;
    }

    private static string? TextOf(Dictionary<UnitColumn, (string Header, object? Value)> cells, UnitColumn column) =>
        cells.TryGetValue(column, out var c) ? c.Value switch
        {
            null => null,
            string s => s.Trim(),
            double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => x.ToString("0", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        } : null;

    private static Dictionary<string, UnitColumn> Headers()
    {
        var resources = new ResourceManager(typeof(UnitText).FullName!, typeof(UnitText).Assembly);
        var map = new Dictionary<string, UnitColumn>(StringComparer.Ordinal);
        foreach (var c in Enum.GetValues<UnitColumn>())
        {
            map[Normalize(c.ToString())] = c;
            foreach (var culture in Cultures)
            {
                if (resources.GetString(ResourceKey(c), culture) is { } label)
                {
                    map[Normalize(label)] = c;
                }
            }
        }

        return map;
    }

    private static Dictionary<string, UnitKind> Kinds()
    {
        var resources = new ResourceManager(typeof(EnumText).FullName!, typeof(EnumText).Assembly);
        var map = new Dictionary<string, UnitKind>(StringComparer.Ordinal);
        foreach (var k in Enum.GetValues<UnitKind>())
        {
            map[Normalize(k.ToString())] = k;
            foreach (var culture in Cultures)
            {
                if (resources.GetString($"UnitKind.{k}", culture) is { } label)
                {
                    map[Normalize(label)] = k;
                }
            }
        }

        return map;
    }

    private static string Normalize(string s) =>
        string.Concat(s.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('*' or '＊'))).ToLowerInvariant();

    /// <summary>Collects problems, keeping the first <see cref="MaxReportedErrors"/> (localized) and counting all.</summary>
    private sealed class Report(IStringLocalizer<RuleText> rules)
    {
        private readonly List<ImportError> _errors = [];

        public int Count { get; private set; }

        public void Add(int? row, string? column, string code, params object[] arguments)
        {
            Count++;
            if (_errors.Count < MaxReportedErrors)
            {
                _errors.Add(new ImportError(row, column, FieldErrors.Localize(rules, code, arguments)));
            }
        }

        public void Clear()
        {
            _errors.Clear();
            Count = 0;
        }

        public UnitImportResult File(string code, params object[] arguments)
        {
            Add(null, null, code, arguments);
            return Result();
        }

        public UnitImportResult Result() => new(0, _errors.ToList(), Count);
    }
}
