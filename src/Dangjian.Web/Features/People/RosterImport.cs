using System.Diagnostics;
using System.Security.Cryptography;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.People;

public enum ImportPhase
{
    Validating,
    Importing,

    /// <summary>Every row is written; the roster's counts and name characters are being filled before the commit.</summary>
    Finishing,
}

/// <summary>How far an import is. <see cref="Total"/> is 0 while the file is still being read and its size unknown.</summary>
public sealed record ImportProgress(ImportPhase Phase, int Done, int Total);

/// <summary>One problem with an uploaded roster: the row as Excel numbers it and the column header, or neither for the whole file.</summary>
public sealed record ImportError(int? Row, string? Column, string Message);

/// <summary>The 400 of a refused import, the same for every sheet the API takes (rosters, dues payments).</summary>
public static class ImportProblem
{
    /// <summary>
    /// <c>errors</c> keyed <c>"row/column"</c> as Excel shows them (<c>"5/身份证号码"</c>) or <c>"file"</c> for the whole file;
    /// <c>rowErrors</c> lists <c>{row, column, message}</c> in file order; <c>errorCount</c> counts them all.
    /// </summary>
    public static ValidationProblem Of(IReadOnlyList<ImportError> errors, int errorCount, string title) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Row is { } row ? $"{row}/{e.Column}" : "file", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            title: title,
            extensions: new Dictionary<string, object?> { ["rowErrors"] = errors, ["errorCount"] = errorCount });
}

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
/// imported until the file is clean (the optional dues columns too: a bad category or base refuses the whole file); a
/// clean file goes in whole, in one transaction, so a failure or a killed
/// process part-way leaves the roster as it was (DESIGN.md "Nothing lost").
/// </summary>
public sealed class RosterImport(
    DangjianDbContext db,
    ScopeService scopes,
    CurrentUser user,
    OrgClock clock,
    IOptions<DangjianOptions> options,
    IStringLocalizer<RuleText> rules,
    IStringLocalizer<PeopleText> text,
    DuesRates rates,
    ILogger<RosterImport> log)
{
    /// <summary>Rows an upload may hold (POST /api/v1/people/import, the import page): a district's roster.</summary>
    public const int MaxRows = 200_000;

    /// <summary>Rows a server-side file may hold (<see cref="ImportFileAsync"/>): a province's roster.</summary>
    public const int MaxFileRows = 2_000_000;

    /// <summary>Bytes a server-side file may have; a million-row roster is about 100 MB.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public const int MaxCellLength = 1_000;
    public const int MaxReportedErrors = 1_000;

    /// <summary>
    /// People written per batch of the insert (with their audit entries and dues profiles). PostgreSQL's binary COPY
    /// gains from fewer, larger batches (each costs round trips: the key range, two COPY starts); SQLite's prepared
    /// inserts go row by row whatever the batch, and smaller batches leave less garbage for the peak working set (a
    /// million rows: PostgreSQL 1,000 → 2,000 insert 68.5 → 63.5 s; 5,000 gave 61.1 s but 1,150 MB; SQLite 1,000 → 2,000
    /// peaked at 985 MB with 1,000 and 1,037 MB with 2,000).
    /// </summary>
    private int BatchSize => db.Database.IsNpgsql() ? PostgresBatchSize : SqliteBatchSize;

    public const int SqliteBatchSize = 1_000;

    public const int PostgresBatchSize = 2_000;

    /// <summary>How much an .xlsx may inflate to, relative to the size limit (real rosters stay far below).</summary>
    private const int MaxInflation = 40;

    /// <summary>
    /// Imports an uploaded roster (the endpoint, the import page): at most <see cref="DangjianOptions.MaxUploadBytes"/>
    /// and <see cref="MaxRows"/> rows, read into memory.
    /// </summary>
    public async Task<RosterImportResult> ImportAsync(Stream xlsx, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var scope = await ImportScopeAsync(ct);
        var maxBytes = options.Value.MaxUploadBytes;
        using var file = await BufferAsync(xlsx, maxBytes, ct);
        if (file is null)
        {
            return new RosterReport(rules).File("Import.TooLarge", maxBytes / (1024 * 1024));
        }

        return await ImportAsync(file, scope, maxBytes, MaxRows, progress, ct);
    }

    /// <summary>
    /// Imports a roster file on the server's disk, given by an operator rather than uploaded: a province's roster, up to
    /// <see cref="MaxFileBytes"/> and <see cref="MaxFileRows"/> rows, streamed from the file. The same checks, messages,
    /// audit entries and all-or-nothing insert as an upload.
    /// </summary>
    public async Task<RosterImportResult> ImportFileAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var scope = await ImportScopeAsync(ct);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (file.Length > MaxFileBytes)
        {
            return new RosterReport(rules).File("Import.TooLarge", MaxFileBytes / (1024 * 1024));
        }

        return await ImportAsync(file, scope, MaxFileBytes, MaxFileRows, progress, ct);
    }

    /// <summary>
    /// The .xlsx files directly in <see cref="DangjianOptions.ImportFolder"/>, by name; null when no folder is set up.
    /// Only for those who may import.
    /// </summary>
    public async Task<IReadOnlyList<ServerRosterFile>?> ListServerFilesAsync(CancellationToken ct = default)
    {
        await ImportScopeAsync(ct);
        if (options.Value.ImportFolder is not { Length: > 0 } folder)
        {
            return null;
        }

        var directory = new DirectoryInfo(folder);
        try
        {
            if (!directory.Exists)
            {
                log.LogWarning("Dangjian:ImportFolder {Folder} does not exist", folder);
                return [];
            }

            return [.. directory.EnumerateFiles("*.xlsx", SearchOption.TopDirectoryOnly)
                .Where(f => !f.Name.StartsWith('.') && !f.Name.StartsWith('~'))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new ServerRosterFile(f.Name, f.Length, new DateTimeOffset(f.LastWriteTimeUtc)))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder the app may not read lists nothing, as an empty one; the operator finds why in the log.
            log.LogWarning(e, "Dangjian:ImportFolder {Folder} could not be read", folder);
            return [];
        }
    }

    /// <summary>
    /// Imports a file of <see cref="DangjianOptions.ImportFolder"/> named by <paramref name="name"/> (a name as
    /// <see cref="ListServerFilesAsync"/> lists it, never a path) through <see cref="ImportFileAsync"/>.
    /// </summary>
    public async Task<RosterImportResult> ImportServerFileAsync(string? name, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var files = await ListServerFilesAsync(ct);
        if (files is null)
        {
            return new RosterReport(rules).File("Import.NoServerFolder");
        }

        var file = files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
        if (file is null)
        {
            return new RosterReport(rules).File("Import.NoSuchServerFile", name ?? string.Empty);
        }

        try
        {
            return await ImportFileAsync(Path.Combine(options.Value.ImportFolder!, file.Name), progress, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Listed a moment ago, gone now (the operator moved it).
            return new RosterReport(rules).File("Import.NoSuchServerFile", file.Name);
        }
    }

    private async Task<Scope> ImportScopeAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (scope.Roots(Permission.PeopleImport).Count == 0)
        {
            throw new ScopeRefusedException();
        }

        return scope;
    }

    private async Task<RosterImportResult> ImportAsync(Stream file, Scope scope, long maxBytes, int maxRows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var report = new RosterReport(rules);
        var inspection = XlsxPackage.Inspect(file, maxBytes * MaxInflation);
        if (!inspection.IsWorkbook)
        {
            return report.File("Import.NotXlsx");
        }

        if (inspection.TooLarge)
        {
            return report.File("Import.TooLargeUnpacked");
        }

        var (people, rows) = await ReadAndCheckAsync(file, inspection, maxRows, scope, report, progress, ct);
        if (people is null)
        {
            return report.Result(rows);
        }

        if (rows > MaxRows)
        {
            // A province's rows as read (hundreds of megabytes) are garbage now: give their memory back before the insert
            // rather than carry it as the process's peak.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        file.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        return await InsertAsync(people, sha256, report, progress, ct);
    }

    /// <summary>
    /// The people of a clean file, or null and the problems in <paramref name="report"/>. Apart from the import so the
    /// rows as read (a million at a province) are garbage before the insert begins.
    /// </summary>
    private async Task<(List<RosterPerson>? People, int Rows)> ReadAndCheckAsync(
        Stream file, XlsxInspection inspection, int maxRows, Scope scope, RosterReport report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var sheet = new RosterSheetReader(text, log).Read(file, inspection, maxRows, report, progress, ct);
        if (sheet is null)
        {
            return (null, 0);
        }

        var rows = sheet.Drafts.Count;
        progress?.Report(new ImportProgress(ImportPhase.Validating, 0, rows));
        var people = await CheckAsync(sheet, scope, report, ct);
        progress?.Report(new ImportProgress(ImportPhase.Validating, rows, rows));
        return (report.Count > 0 ? null : people, rows);
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

    /// <summary>
    /// Looks up what the rows name (organizations by code, ID numbers already on a roster) and checks the rows
    /// against it (<see cref="RosterRowCheck"/>).
    /// </summary>
    private async Task<List<RosterPerson>> CheckAsync(RosterSheet sheet, Scope scope, RosterReport report, CancellationToken ct)
    {
        var today = clock.Today;
        var organizations = await OrganizationsAsync(sheet.Drafts.Select(d => d.OrganizationCode).OfType<string>().Where(c => c.Length > 0), ct);
        var rowsById = RosterRowCheck.IdNumbers(sheet, today);
        var taken = await TakenIdNumbersAsync(rowsById.Ids, ct);
        // The dues columns set a profile from the month of the import (中组发〔2008〕3号 一: the base is set once a year).
        var dues = new RosterDues(rates, DuesMonths.Of(today), user.Name, clock.UtcNow);
        return RosterRowCheck.Check(sheet, scope, today, organizations, rowsById, taken, dues, report, text);
    }

    private async Task<Dictionary<string, RosterOrganization>> OrganizationsAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, RosterOrganization>(StringComparer.Ordinal);
        foreach (var chunk in codes.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await db.Organizations.AsNoTracking()
                .Where(o => chunk.Contains(o.Code))
                .Select(o => new { o.Code, o.Id, o.Path, o.Status })
                .ToListAsync(ct);
            foreach (var o in rows)
            {
                found[o.Code] = new RosterOrganization(o.Id, o.Path, o.Status);
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

    /// <summary>The people and their dues profiles, batch by batch; the ids given them.</summary>
    private async Task<IReadOnlyCollection<int>> InsertBatchesAsync(List<RosterPerson> people, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var ids = new int[people.Count];
        var done = 0;
        // In name order: the roster index and the index by organization lead with the name, so a province's rows land at
        // the end of each run of those indexes instead of at a random page of each (a million rows: about 2.5 times faster
        // on SQLite, measured with the sqlite3 shell on the bench's database).
        foreach (var batch in people.OrderBy(p => p.Person.Name, StringComparer.Ordinal).Chunk(BatchSize))
        {
            await db.InsertAuditedAsync(batch.Select(p => p.Person).ToList(), ct);
            if (batch.Any(p => p.Dues is not null))
            {
                foreach (var p in batch.Where(p => p.Dues is not null))
                {
                    p.Dues!.PersonId = p.Person.Id;
                    db.DuesProfiles.Add(p.Dues);
                }

                await db.SaveChangesAsync(ct);
            }

            db.ChangeTracker.Clear();
            foreach (var p in batch)
            {
                ids[done++] = p.Person.Id;
            }

            progress?.Report(new ImportProgress(ImportPhase.Importing, done, people.Count));
        }

        // What follows (RosterFill, the commit) takes a while at a province's size: say so rather than sit at 100 %.
        progress?.Report(new ImportProgress(ImportPhase.Finishing, done, people.Count));
        return ids;
    }

    /// <summary>
    /// Adds everyone in one transaction, in batches written without the change tracker
    /// (<see cref="DangjianDbContext.InsertAuditedAsync{T}"/>: each person gets the audit entry a save would give), dues
    /// profiles through the usual save, and the import one summary entry with the file's SHA-256. A cancellation or
    /// crash before the commit rolls everything back.
    /// </summary>
    private async Task<RosterImportResult> InsertAsync(List<RosterPerson> people, string sha256, RosterReport report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new ImportProgress(ImportPhase.Importing, 0, people.Count));
        // A 64 MB page cache for the transaction on SQLite (a million rows: insert 111 s → 93 s in the roster benchmark).
        await using var cache = await db.LargerPageCacheAsync(64, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        try
        {
            // The roster's counts and name characters are filled once for everyone after the rows, not row by row.
            await db.InsertPeopleInBulkAsync(() => InsertBatchesAsync(people, progress, ct), ct);

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
}
