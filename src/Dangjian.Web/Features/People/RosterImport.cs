using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Dangjian.Web.Features.People;

public enum ImportPhase
{
    Validating,
    Importing,
}

/// <summary>How far an import is. <see cref="Total"/> is 0 while the file is still being read and its size unknown.</summary>
public sealed record ImportProgress(ImportPhase Phase, int Done, int Total);

/// <summary>One problem with an uploaded roster: the row as Excel numbers it and the column header, or neither for the whole file.</summary>
public sealed record ImportError(int? Row, string? Column, string Message);

/// <summary>
/// The outcome of an import. Either <see cref="Imported"/> people were added, or nothing was and
/// <see cref="Errors"/> holds the first <see cref="RosterImport.MaxReportedErrors"/> of <see cref="ErrorCount"/> problems.
/// </summary>
public sealed record RosterImportResult(int Imported, int Rows, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>
/// Imports a roster from .xlsx (ORG-6): every row and cell is checked, with the same rules and words as the
/// person form (<see cref="PersonInput"/>), and all problems are reported by row, column and reason. Nothing is
/// imported until the file is clean; a clean file goes in whole, in one transaction, so a failure or a killed
/// process part-way leaves the roster as it was (DESIGN.md "Nothing lost").
/// </summary>
public sealed class RosterImport(
    DangjianDbContext db,
    ScopeService scopes,
    CurrentUser user,
    TimeProvider time,
    IOptions<DangjianOptions> options,
    IStringLocalizer<RuleText> rules,
    IStringLocalizer<PeopleText> text,
    ILogger<RosterImport> log)
{
    public const int MaxRows = 200_000;
    public const int MaxCellLength = 1_000;
    public const int MaxReportedErrors = 1_000;
    public const int BatchSize = 1_000;

    /// <summary>How much an .xlsx may inflate to, relative to the upload limit (real rosters stay far below).</summary>
    private const int MaxInflation = 40;

    private const int HeaderSearchRows = 20;

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    public async Task<RosterImportResult> ImportAsync(Stream xlsx, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var scope = await scopes.GetAsync(ct);
        if (scope.Roots(Permission.PeopleImport).Count == 0)
        {
            throw new ScopeRefusedException();
        }

        var report = new Report(rules);
        var maxBytes = options.Value.MaxUploadBytes;
        using var file = await BufferAsync(xlsx, maxBytes, ct);
        if (file is null)
        {
            return report.File("Import.TooLarge", maxBytes / (1024 * 1024));
        }

        var inspection = XlsxPackage.Inspect(file, maxBytes * MaxInflation);
        if (!inspection.IsWorkbook)
        {
            return report.File("Import.NotXlsx");
        }

        if (inspection.TooLarge)
        {
            return report.File("Import.TooLargeUnpacked");
        }

        var sheet = Read(file, inspection, report, progress, ct);
        if (sheet is null)
        {
            return report.Result(0);
        }

        progress?.Report(new ImportProgress(ImportPhase.Validating, 0, sheet.Drafts.Count));
        var people = await CheckAsync(sheet, scope, report, ct);
        progress?.Report(new ImportProgress(ImportPhase.Validating, sheet.Drafts.Count, sheet.Drafts.Count));
        if (report.Count > 0)
        {
            return report.Result(sheet.Drafts.Count);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file.GetBuffer().AsSpan(0, (int)file.Length)));
        return await InsertAsync(people, sha256, report, progress, ct);
    }

    /// <summary>The upload in memory (it must be seekable to be unzipped), or null when larger than allowed.</summary>
    private static async Task<MemoryStream?> BufferAsync(Stream source, long maxBytes, CancellationToken ct)
    {
        if (source.CanSeek && source.Length - source.Position > maxBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Reads the first sheet into row drafts, reporting problems of single cells and of the header.</summary>
    private Sheet? Read(MemoryStream file, XlsxInspection inspection, Report report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var formulas = inspection.Formulas.ToLookup(f => f.Row);
        var drafts = new List<Draft>();
        Dictionary<string, (RosterColumn Column, string Header)>? columns = null;
        var firstRows = new List<(int Row, IDictionary<string, object?> Cells)>();
        var rowNumber = 0;
        try
        {
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                rowNumber++;
                if (rowNumber % 1000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(ImportPhase.Validating, drafts.Count, 0));
                }

                if (columns is null)
                {
                    // The header is the first row naming at least three template columns (a title row above it is
                    // allowed), else the first non-blank row, whose missing columns are then reported.
                    if (IsBlank(cells))
                    {
                        continue;
                    }

                    firstRows.Add((rowNumber, cells));
                    if (cells.Values.Count(v => RosterColumns.ForHeader(v as string) is not null) >= 3)
                    {
                        columns = Header(cells, rowNumber, formulas, report);
                    }
                    else if (firstRows.Count >= HeaderSearchRows)
                    {
                        columns = Header(firstRows[0].Cells, firstRows[0].Row, formulas, report);
                    }

                    if (columns is null)
                    {
                        continue;
                    }

                    if (report.Count > 0)
                    {
                        return null;
                    }

                    // Rows between a title row and the header were not data.
                    continue;
                }

                if (IsBlank(cells) && !formulas.Contains(rowNumber))
                {
                    continue;
                }

                if (drafts.Count == MaxRows)
                {
                    report.Clear();
                    report.File("Import.TooManyRows", MaxRows);
                    return null;
                }

                drafts.Add(ReadRow(cells, rowNumber, columns, formulas[rowNumber]));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // MiniExcel met something that is not a readable sheet; one clear message, not a stack trace.
            log.LogInformation(e, "Roster upload could not be read as .xlsx");
            report.Clear();
            report.File("Import.NotXlsx");
            return null;
        }

        if (columns is null && firstRows.Count > 0)
        {
            columns = Header(firstRows[0].Cells, firstRows[0].Row, formulas, report);
            if (report.Count > 0)
            {
                return null;
            }
        }

        if (drafts.Count == 0)
        {
            report.File("Import.Empty");
            return null;
        }

        return new Sheet(columns!.Values.ToDictionary(c => c.Column, c => c.Header), drafts);
    }

    private Dictionary<string, (RosterColumn Column, string Header)>? Header(
        IDictionary<string, object?> cells, int row, ILookup<int, FormulaCell> formulas, Report report)
    {
        var columns = new Dictionary<string, (RosterColumn, string)>(StringComparer.Ordinal);
        var seen = new HashSet<RosterColumn>();
        foreach (var (letter, value) in cells)
        {
            var header = (value as string)?.Trim();
            if (RosterColumns.ForHeader(header) is not { } column)
            {
                continue;
            }

            if (!seen.Add(column))
            {
                report.Add(row, header, "Import.DuplicateColumn", header!);
                continue;
            }

            columns[letter] = (column, header!);
        }

        foreach (var f in formulas[row])
        {
            report.Add(row, f.Column, "Import.Formula", f.Reference);
        }

        foreach (var missing in RosterColumns.Required.Where(c => !seen.Contains(c)).OrderBy(c => c))
        {
            var header = text[RosterColumns.ResourceKey(missing)].Value;
            report.Add(row, header, "Import.MissingColumn", header);
        }

        return columns;
    }

    private static Draft ReadRow(
        IDictionary<string, object?> cells, int row, Dictionary<string, (RosterColumn Column, string Header)> columns, IEnumerable<FormulaCell> formulas)
    {
        var draft = new Draft(row);
        foreach (var f in formulas)
        {
            if (columns.TryGetValue(f.Column, out var c))
            {
                draft.Fail(c.Column, c.Header, "Import.Formula", f.Reference);
            }
            else
            {
                draft.Fail(null, f.Column, "Import.Formula", f.Reference);
            }
        }

        foreach (var (letter, value) in cells)
        {
            RosterColumn? column = columns.TryGetValue(letter, out var c) ? c.Column : null;
            var header = column is null ? letter : c.Header;
            if (column is { } known && draft.IsBad(known))
            {
                continue;
            }

            // Checks on every cell, read or not: no huge text, nothing a spreadsheet would run.
            if (value is string s)
            {
                if (s.Length > MaxCellLength)
                {
                    draft.Fail(column, header, "Import.CellTooLong", MaxCellLength);
                    continue;
                }

                if (s.TrimStart().StartsWith('='))
                {
                    draft.Fail(column, header, "Import.FormulaText");
                    continue;
                }
            }

            if (column is { } target)
            {
                Assign(draft, target, header, value);
            }
        }

        return draft;
    }

    private static void Assign(Draft d, RosterColumn column, string header, object? value)
    {
        switch (column)
        {
            case RosterColumn.Name:
                d.Name = TextOf(value);
                break;
            case RosterColumn.IdNumber:
                if (value is double or float or decimal or int or long)
                {
                    // An 18-digit number has lost its last digits in Excel (15 significant digits).
                    d.Fail(column, header, "Import.IdNumberAsNumber");
                }
                else
                {
                    d.IdNumber = TextOf(value);
                }

                break;
            case RosterColumn.Gender:
                d.Gender = Parse(d, column, header, value, RosterColumns.ParseGender, "Import.UnknownGender");
                break;
            case RosterColumn.Status:
                d.Status = Parse(d, column, header, value, RosterColumns.ParseStatus, "Import.UnknownStatus");
                break;
            case RosterColumn.BirthDate:
                d.BirthDate = DateOf(d, column, header, value, "Field.BirthDate");
                break;
            case RosterColumn.JoinedPartyOn:
                d.JoinedPartyOn = DateOf(d, column, header, value, "Field.JoinedPartyOn");
                break;
            case RosterColumn.OrganizationCode:
                d.OrganizationCode = TextOf(value)?.Trim();
                break;
            case RosterColumn.Phone:
                d.Phone = TextOf(value);
                break;
            case RosterColumn.Ethnicity:
                d.Ethnicity = TextOf(value);
                break;
            case RosterColumn.Education:
                d.Education = TextOf(value);
                break;
            case RosterColumn.Workplace:
                d.Workplace = TextOf(value);
                break;
        }
    }

    private static T? Parse<T>(Draft d, RosterColumn column, string header, object? value, Func<string?, T?> parse, string unknownCode)
        where T : struct
    {
        var s = TextOf(value);
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        if (parse(s) is { } v)
        {
            return v;
        }

        d.Fail(column, header, unknownCode);
        return null;
    }

    /// <summary>A real Excel date cell, or text as yyyy-MM-dd, yyyy/M/d and their kin.</summary>
    private static DateOnly? DateOf(Draft d, RosterColumn column, string header, object? value, string label)
    {
        switch (value)
        {
            case null:
                return null;
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case string s when DateTime.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                return DateOnly.FromDateTime(parsed);
            default:
                d.Fail(column, header, "Input.BadDate", label);
                return null;
        }
    }

    private static string? TextOf(object? value) => value switch
    {
        null => null,
        string s => s,
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => x.ToString("0", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool IsBlank(IDictionary<string, object?> cells) =>
        cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

    /// <summary>
    /// Checks each draft as the person form would, plus what only a file can get wrong: the same ID number on two
    /// rows, ID numbers already on a roster, organization codes unknown or outside the uploader's write scope.
    /// </summary>
    private async Task<List<Person>> CheckAsync(Sheet sheet, Scope scope, Report report, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var organizations = await OrganizationsAsync(sheet.Drafts.Select(d => d.OrganizationCode).OfType<string>().Where(c => c.Length > 0), ct);

        var rowsById = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var d in sheet.Drafts)
        {
            if (!d.IsBad(RosterColumn.IdNumber) && !string.IsNullOrWhiteSpace(d.IdNumber) && IdNumber.Normalize(d.IdNumber) is var id && IdNumber.IsValid(id, today))
            {
                d.NormalizedId = id;
                if (!rowsById.TryGetValue(id, out var rows))
                {
                    rowsById[id] = rows = [];
                }

                rows.Add(d.Row);
            }
        }

        var taken = await TakenIdNumbersAsync(rowsById.Keys, ct);
        var examples = RosterTemplate.ExampleNames(text);
        var people = new List<Person>(sheet.Drafts.Count);
        foreach (var d in sheet.Drafts)
        {
            if (RosterTemplate.IsExample(d.Name, d.IdNumber, examples))
            {
                // The template's example row left in: it would import as a real person. Name it and nothing else.
                d.Fail(RosterColumn.Name, sheet.HeaderOf(RosterColumn.Name, text), "Import.SampleRow", d.Name?.Trim() ?? string.Empty);
                report.AddAll(d);
                continue;
            }

            int? organizationId = null;
            if (string.IsNullOrEmpty(d.OrganizationCode))
            {
                if (!d.IsBad(RosterColumn.OrganizationCode))
                {
                    d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), "Input.Required", "Field.Code");
                }
            }
            else if (!Organization.IsValidCode(d.OrganizationCode))
            {
                d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), Organization.CodeFormatRule, Organization.MinCodeLength, Organization.MaxCodeLength);
            }
            else if (!organizations.TryGetValue(d.OrganizationCode, out var org) || !scope.Allows(Permission.PeopleImport, org.Path))
            {
                // Unknown and outside the uploader's scope read alike: the file learns nothing of other townships.
                d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), "Input.UnknownOrganization");
            }
            else if (org.Status != OrganizationStatus.Active)
            {
                d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), "Person.OrganizationDissolved");
            }
            else
            {
                organizationId = org.Id;
            }

            var errors = new FieldErrors();
            var request = new PersonRequest(
                d.Name, d.IsBad(RosterColumn.IdNumber) ? null : d.IdNumber, d.Gender, d.BirthDate, d.Status, d.JoinedPartyOn,
                organizationId ?? 0, d.Phone, d.Ethnicity, d.Education, d.Workplace);
            var person = PersonInput.Check(request, today, errors);
            foreach (var e in errors.Items)
            {
                // An unreadable status would make PersonRules guess "member" and ask for member-only fields.
                if (d.IsBad(RosterColumn.Status) && e.Code is "Input.Required" or "Person.ResidentHasJoinDate" && e.Field is "idNumber" or "joinedPartyOn")
                {
                    continue;
                }

                // A bad ID number is the one thing to fix: sex and birth date then come from it.
                var idBad = d.IsBad(RosterColumn.IdNumber) || errors.Items.Any(x => x.Field == "idNumber");
                if (idBad && e.Field is "gender" && e.Code == "Input.Required")
                {
                    continue;
                }

                if (RosterColumns.ForField(e.Field) is { } column && !d.IsBad(column))
                {
                    d.Fail(column, sheet.HeaderOf(column, text), e.Code, e.Arguments);
                }
            }

            if (d.NormalizedId is { } idNumber && !d.IsBad(RosterColumn.IdNumber))
            {
                var header = sheet.HeaderOf(RosterColumn.IdNumber, text);
                var others = rowsById[idNumber].Where(r => r != d.Row).ToList();
                if (others.Count > 0)
                {
                    var named = string.Join(", ", others.Take(5).Select(r => r.ToString(CultureInfo.InvariantCulture))) + (others.Count > 5 ? ", …" : string.Empty);
                    d.Fail(RosterColumn.IdNumber, header, "Import.DuplicateInFile", named);
                }
                else if (taken.Contains(idNumber))
                {
                    d.Fail(RosterColumn.IdNumber, header, "IdNumber.Duplicate");
                }
            }

            report.AddAll(d);
            if (person is not null && !d.HasErrors)
            {
                people.Add(person);
            }
        }

        return people;
    }

    private async Task<Dictionary<string, (int Id, string Path, OrganizationStatus Status)>> OrganizationsAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, (int, string, OrganizationStatus)>(StringComparer.Ordinal);
        foreach (var chunk in codes.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await db.Organizations.AsNoTracking()
                .Where(o => chunk.Contains(o.Code))
                .Select(o => new { o.Code, o.Id, o.Path, o.Status })
                .ToListAsync(ct);
            foreach (var o in rows)
            {
                found[o.Code] = (o.Id, o.Path, o.Status);
            }
        }

        return found;
    }

    /// <summary>Which of these ID numbers someone on any roster (removed people too: the number stays theirs) already has.</summary>
    private async Task<HashSet<string>> TakenIdNumbersAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.People.AsNoTracking().Where(p => p.IdNumber != null && chunk.Contains(p.IdNumber)).Select(p => p.IdNumber!).ToListAsync(ct);
            taken.UnionWith(rows);
        }

        return taken;
    }

    /// <summary>
    /// Adds everyone in one transaction, in batches so the change tracker stays small; each row gets its audit
    /// entry (DangjianDbContext) and the import one summary entry with the file's SHA-256. A cancellation or crash
    /// before the commit rolls everything back.
    /// </summary>
    private async Task<RosterImportResult> InsertAsync(List<Person> people, string sha256, Report report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new ImportProgress(ImportPhase.Importing, 0, people.Count));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var done = 0;
            foreach (var batch in people.Chunk(BatchSize))
            {
                db.People.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += batch.Length;
                progress?.Report(new ImportProgress(ImportPhase.Importing, done, people.Count));
            }

            db.AddAuditEvent("Roster.Imported", "Roster", sha256, new { Sha256 = sha256, Rows = people.Count, Actor = user.Name });
            await db.SaveChangesAsync(ct);

            // Past this point the import is whole; the commit itself is not cut short by the token.
            ct.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Someone added one of these ID numbers after the check: the unique index refused it, nothing is kept.
            log.LogInformation(e, "Roster import rolled back on a conflicting save");
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return report.File("Import.ChangedMeanwhile");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        log.LogInformation("Roster import by {Actor}: {Rows} people in {Milliseconds} ms (file {Sha256})", user.Name, people.Count, clock.ElapsedMilliseconds, sha256);
        return new RosterImportResult(people.Count, people.Count, [], 0);
    }

    /// <summary>A row as read: values that parsed, and the problems of its cells (localized only if reported).</summary>
    private sealed class Draft(int row)
    {
        private readonly HashSet<RosterColumn> _bad = [];

        public int Row { get; } = row;

        public List<(string? Column, string Code, object[] Arguments)> Errors { get; } = [];

        public bool HasErrors => Errors.Count > 0;

        public string? Name { get; set; }

        public string? IdNumber { get; set; }

        public string? NormalizedId { get; set; }

        public Gender? Gender { get; set; }

        public DateOnly? BirthDate { get; set; }

        public MemberStatus? Status { get; set; }

        public DateOnly? JoinedPartyOn { get; set; }

        public string? OrganizationCode { get; set; }

        public string? Phone { get; set; }

        public string? Ethnicity { get; set; }

        public string? Education { get; set; }

        public string? Workplace { get; set; }

        public bool IsBad(RosterColumn column) => _bad.Contains(column);

        /// <summary>Records a problem; a column with one problem is not checked further, so each cell gets one reason.</summary>
        public void Fail(RosterColumn? column, string? header, string code, params object[] arguments)
        {
            if (column is { } c)
            {
                _bad.Add(c);
            }

            Errors.Add((header, code, arguments));
        }
    }

    private sealed record Sheet(Dictionary<RosterColumn, string> Headers, List<Draft> Drafts)
    {
        /// <summary>The header as the file wrote it, or the template's when the file left the column out.</summary>
        public string HeaderOf(RosterColumn column, IStringLocalizer<PeopleText> text) =>
            Headers.TryGetValue(column, out var h) ? h : text[RosterColumns.ResourceKey(column)].Value;
    }

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

        public void AddAll(Draft d)
        {
            foreach (var (column, code, arguments) in d.Errors)
            {
                Add(d.Row, column, code, arguments);
            }
        }

        public void Clear()
        {
            _errors.Clear();
            Count = 0;
        }

        public RosterImportResult File(string code, params object[] arguments)
        {
            Add(null, null, code, arguments);
            return Result(0);
        }

        public RosterImportResult Result(int rows) => new(0, rows, _errors.ToList(), Count);
    }
}
