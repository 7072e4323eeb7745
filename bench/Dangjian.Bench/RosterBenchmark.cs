using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dangjian.Domain.Audit;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The roster benchmark (ORG-3, ORG-6): a generated 100,000-row roster file imported through the
/// import service into a fresh database with the demo district (several times, each on a new database), a file
/// of the same size with one bad row at the end (validation only), then the paged roster query as the district
/// admin. Bounded: a fixed amount of work and a time limit, then it stops. Figures are printed and written to
/// bench/results/latest.md.
/// </summary>
public static class RosterBenchmark
{
    private const string Admin = "admin";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed record Options(int Rows, int QueryRuns, int ImportRuns, TimeSpan Limit);

    public static async Task<int> RunAsync(Options o)
    {
        using var limit = new CancellationTokenSource(o.Limit);
        var ct = limit.Token;
        var measurements = new Measurements();
        var folder = Directory.CreateTempSubdirectory("dangjian-bench-file-").FullName;
        var files = new RosterFiles(
            Path.Combine(folder, string.Create(Inv, $"roster-{o.Rows}.xlsx")),
            Path.Combine(folder, string.Create(Inv, $"roster-{o.Rows}-bad-last-row.xlsx")));
        var notes = new List<string>
        {
            string.Create(Inv, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical CPUs"),
            string.Create(Inv, $"roster file: {o.Rows:N0} generated rows with the import template's columns and zh-CN headers (RosterColumns), valid unique ID numbers, the demo district's branch codes; the bad file is the same with a wrong ID check character in its last row"),
            Large(o.Rows)
                ? string.Create(Inv, $"import: RosterImport.ImportFileAsync (more rows than an upload may hold, {RosterImport.MaxRows:N0}: the server-side file path, streamed from disk) as the district admin in a fresh service scope; {o.ImportRuns} runs, each on a new database; the bad file is validated on that database before the import")
                : string.Create(Inv, $"import: RosterImport.ImportAsync as the district admin in a fresh service scope, the body in a MemoryStream as the endpoint POST /api/v1/people/import passes it; {o.ImportRuns} runs, each on a new database; the bad file is validated on that database before the import"),
            "import parts: read = parse the .xlsx into rows; check = per-row rules, organization codes and ID numbers already taken; insert = the transaction of batched saves with their audit entries (from the import's progress reports)",
            string.Create(Inv, $"queries: PeopleQueries.ListAsync as the district admin, page size 20, on the last import's database; one warm-up then {o.QueryRuns} timed runs, each in a fresh service scope as a request would be"),
        };
        try
        {
            // DANGJIAN_BENCH_ONLY=PostgreSQL measures PostgreSQL in a process of its own (its peak working set not the SQLite run's).
            if (Environment.GetEnvironmentVariable("DANGJIAN_BENCH_ONLY") is "PostgreSQL")
            {
                notes.Add("SQLite skipped: DANGJIAN_BENCH_ONLY=PostgreSQL");
            }
            else
            {
                await RunProviderAsync("SQLite", BenchHost.SqliteAsync, measurements, notes, files, o, ct);
            }

            if (Environment.GetEnvironmentVariable(BenchHost.PostgresVariable) is { Length: > 0 })
            {
                await RunProviderAsync("PostgreSQL", () => BenchHost.PostgresAsync()!, measurements, notes, files, o, ct);
            }
            else
            {
                notes.Add($"PostgreSQL skipped: {BenchHost.PostgresVariable} is not set");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            notes.Add(string.Create(Inv, $"STOPPED: the run exceeded its limit of {o.Limit.TotalMinutes:F0} minutes; the figures below are those measured before"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        notes.Add(WorkingSet.PerStep
            ? string.Create(Inv, $"peak working set: per step (VmHWM reset before each); highest of the run {measurements.RunPeakBytes / (1024.0 * 1024):F0} MB")
            : string.Create(Inv, $"peak working set: of the process since start (could not reset it per step); {WorkingSet.Peak() / (1024.0 * 1024):F0} MB at the end"));

        var report = measurements.Markdown("Roster benchmark", notes, p95: true);
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine(RepositoryRoot(), "bench", "results", "latest.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report, CancellationToken.None);
        Console.WriteLine("Written to " + path);
        return ct.IsCancellationRequested ? 2 : 0;
    }

    private sealed record RosterFiles(string Good, string BadLastRow);

    private static async Task RunProviderAsync(
        string provider, Func<Task<BenchHost>> start, Measurements m, List<string> notes, RosterFiles files, Options o, CancellationToken ct)
    {
        for (var run = 1; run <= o.ImportRuns; run++)
        {
            ct.ThrowIfCancellationRequested();
            await using var host = await m.OnceAsync(provider, "create database, migrate, seed demo district", async () =>
            {
                var h = await start();
                return (h, await h.WithDbAsync(db => db.People.LongCountAsync(ct)));
            });

            if (!File.Exists(files.Good))
            {
                await GenerateAsync(host, m, files, o.Rows, ct);
            }

            var facts = await ImportRunAsync(provider, host, m, files, o.Rows, ct);
            notes.Add(string.Create(Inv, $"{provider} run {run}: {facts}"));
            if (run == o.ImportRuns)
            {
                await QueriesAsync(provider, host, m, o.QueryRuns, ct);
            }
        }
    }

    private static async Task GenerateAsync(BenchHost host, Measurements m, RosterFiles files, int rowCount, CancellationToken ct)
    {
        var branches = await host.WithDbAsync(db => db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Code)
            .Select(o => new RosterOrganization(o.Id, o.Code, o.Name))
            .ToListAsync(ct));
        var today = DateOnly.FromDateTime(DateTime.Now);
        await m.OnceAsync("file", "generate roster .xlsx (MiniExcel)", () =>
        {
            RosterGenerator.WriteXlsx(files.Good, RosterGenerator.Rows(rowCount, branches, today));
            return Task.FromResult((true, (long)rowCount));
        });
        Console.WriteLine(string.Create(Inv, $"    {files.Good}: {new FileInfo(files.Good).Length / 1024.0 / 1024:F1} MB, {branches.Count} branches"));
        RosterGenerator.WriteXlsx(files.BadLastRow, RosterGenerator.Rows(rowCount, branches, today)
            .Select((r, i) => i == rowCount - 1 ? RosterGenerator.WithBadChecksum(r) : r));
    }

    /// <summary>On one fresh database: the bad file (nothing imported), the good file, the audit chain verified.</summary>
    private static async Task<string> ImportRunAsync(string provider, BenchHost host, Measurements m, RosterFiles files, int rowCount, CancellationToken ct)
    {
        var people0 = await host.WithDbAsync(db => db.People.LongCountAsync(ct));
        var audit0 = await host.WithDbAsync(db => db.AuditEntries.LongCountAsync(ct));

        // One bad row at the very end: every row is read and checked, then nothing is imported.
        var bad = await TimedImportAsync(provider, host, m, "bad file", "file with 1 bad row (last): validation, nothing imported", files.BadLastRow, rowCount, ct);
        var badError = bad.Result.Errors.Count > 0 ? bad.Result.Errors[0] : null;
        if (bad.Result.Succeeded || bad.Result.Imported != 0 || bad.Result.ErrorCount != 1 || badError?.Row != rowCount + 1)
        {
            throw new InvalidOperationException(string.Create(Inv, $"Bad file: expected one error on row {rowCount + 1}, got {bad.Result.ErrorCount}: {string.Join("; ", bad.Result.Errors.Take(5))}"));
        }

        var people1 = await host.WithDbAsync(db => db.People.LongCountAsync(ct));
        var audit1 = await host.WithDbAsync(db => db.AuditEntries.LongCountAsync(ct));
        if (people1 != people0 || audit1 != audit0)
        {
            throw new InvalidOperationException(string.Create(Inv, $"Bad file changed the database: people {people0} -> {people1}, audit entries {audit0} -> {audit1}."));
        }

        var lastSequence = await host.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Sequence, ct)) ?? 0;
        var good = await TimedImportAsync(provider, host, m, "import", "import file (read + check + insert)", files.Good, rowCount, ct);
        if (!good.Result.Succeeded || good.Result.Imported != rowCount)
        {
            throw new InvalidOperationException(string.Create(Inv, $"Import: expected {rowCount} imported, got {good.Result.Imported} with {good.Result.ErrorCount} errors: {string.Join("; ", good.Result.Errors.Take(5))}"));
        }

        var people2 = await host.WithDbAsync(db => db.People.LongCountAsync(ct));
        if (people2 - people1 != rowCount)
        {
            throw new InvalidOperationException(string.Create(Inv, $"Expected {rowCount} more people, found {people2 - people1}."));
        }

        var (written, personCreated, summaries) = await host.WithDbAsync(async db =>
        {
            var added = db.AuditEntries.AsNoTracking().Where(a => a.Sequence > lastSequence);
            return (await added.LongCountAsync(ct),
                await added.LongCountAsync(a => a.EntityType == "Person" && a.Action == "Created", ct),
                await added.LongCountAsync(a => a.Action == "Roster.Imported", ct));
        });

        // AuditChain.Verify over the whole log, streamed from the database in sequence order, as GET /api/v1/audit/verify does.
        var (fault, entries) = await m.OnceAsync(provider, "verify audit chain (whole log)", async () =>
        {
            var result = await host.WithDbAsync(db =>
            {
                long count = 0;
                var f = AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable().Select(a =>
                {
                    count++;
                    return a;
                }));
                return Task.FromResult((f, count));
            });
            return (result, result.count);
        });
        if (fault is not null)
        {
            throw new InvalidOperationException($"Audit chain broken after the import: {fault}.");
        }

        return string.Create(Inv,
            $"bad file refused with 1 error ({badError.Column}, row {badError.Row}: {badError.Message}), people {people0:N0} and audit entries {audit0:N0} unchanged; "
            + $"import added {people2 - people1:N0} people and wrote {written:N0} audit entries ({personCreated:N0} Person Created + {summaries:N0} Roster.Imported); "
            + $"audit chain verified intact over {entries:N0} entries");
    }

    /// <summary>
    /// Calls the import service as POST /api/v1/people/import does: a request-like scope whose CurrentUser is the
    /// signed-in account, the file's bytes in a MemoryStream. The progress reports (which the import page asks
    /// for, the endpoint does not) time its parts.
    /// </summary>
    private static async Task<(RosterImportResult Result, PhaseClock Phases)> TimedImportAsync(
        string provider, BenchHost host, Measurements m, string label, string operation, string file, int rowCount, CancellationToken ct)
    {
        Console.WriteLine($"[{provider}] {operation}…");
        await using var scope = await host.ScopeAsAsync(Admin);
        var import = scope.ServiceProvider.GetRequiredService<RosterImport>();
        using var body = new MemoryStream();
        if (!Large(rowCount))
        {
            body.Write(await File.ReadAllBytesAsync(file, ct));
            body.Position = 0;
        }

        GC.Collect(); // the previous step's garbage is not this step's peak
        WorkingSet.ResetPeak();

        var phases = new PhaseClock();
        var result = Large(rowCount) ? await import.ImportFileAsync(file, phases, ct) : await import.ImportAsync(body, phases, ct);
        var total = phases.Stop();
        var peak = WorkingSet.Peak();
        m.Record(provider, operation, rowCount, total, peak);
        m.Record(provider, $"  {label}: read .xlsx", rowCount, phases.Read, peak);
        m.Record(provider, $"  {label}: check rows", rowCount, phases.Check, peak);
        if (result.Succeeded)
        {
            m.Record(provider, $"  {label}: insert (transaction)", rowCount, phases.Insert, peak);
        }

        return (result, phases);
    }

    /// <summary>More rows than an upload may hold: the benchmark imports through the server-side file path.</summary>
    private static bool Large(int rows) => rows > RosterImport.MaxRows;

    /// <summary>Times the import's parts from its progress reports (Validating with a known total: the file is read; Importing 0: checks done).</summary>
    private sealed class PhaseClock : IProgress<ImportProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private double? _read;
        private double? _checked;
        private double _end;

        public double Read => _read ?? _end;

        public double Check => (_checked ?? _end) - Read;

        public double Insert => _checked is { } c ? _end - c : 0;

        public void Report(ImportProgress value)
        {
            if (value.Phase == ImportPhase.Validating && value.Total > 0 && _read is null)
            {
                _read = _watch.Elapsed.TotalMilliseconds;
            }
            else if (value.Phase == ImportPhase.Importing && _checked is null)
            {
                _checked = _watch.Elapsed.TotalMilliseconds;
            }
        }

        public double Stop()
        {
            _end = _watch.Elapsed.TotalMilliseconds;
            return _end;
        }
    }

    private static async Task QueriesAsync(string provider, BenchHost host, Measurements m, int runs, CancellationToken ct)
    {
        var total = await host.WithDbAsync(db => db.People.LongCountAsync(ct));
        var township = await host.WithDbAsync(db => db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.TownshipCommittee || o.Kind == OrganizationKind.StreetWorkingCommittee)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).FirstAsync(ct));
        var deepPage = (int)Math.Clamp(total / 20, 1, 500); // page 500 of 100,000+; the last full page of a small run
        var lastPage = (int)((total + 19) / 20);
        var cases = new (string Name, RosterFilter Filter, int Page)[]
        {
            (string.Create(Inv, $"roster page 1 (all {total:N0} people)"), new RosterFilter(), 1),
            (string.Create(Inv, $"roster page {deepPage}"), new RosterFilter(), deepPage),
            (string.Create(Inv, $"roster last page ({lastPage:N0})"), new RosterFilter(), lastPage),
            ("name filter \"王\", page 1", new RosterFilter(Name: "王"), 1),
            ("status filter Probationary, page 1", new RosterFilter(Status: MemberStatus.Probationary), 1),
            ($"organization subtree filter ({township.Name}), page 1", new RosterFilter(OrganizationId: township.Id), 1),
        };
        foreach (var (name, filter, page) in cases)
        {
            await m.RepeatAsync(provider, name, runs, async () =>
            {
                await using var scope = await host.ScopeAsAsync(Admin);
                var result = await scope.ServiceProvider.GetRequiredService<PeopleQueries>().ListAsync(filter, page, 20, ct);
                if (result.Items.Count == 0)
                {
                    throw new InvalidOperationException($"{name}: no rows.");
                }

                return result.Total;
            });
        }
    }

    /// <summary>The folder holding Dangjian.slnx, looked for upwards from here; else the current folder.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
