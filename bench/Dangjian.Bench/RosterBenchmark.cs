using System.Globalization;
using System.Runtime.InteropServices;
using Dangjian.Data;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The roster benchmark of issue 2 (ORG-3, ORG-6): a generated 100,000-row roster file, loaded into a
/// fresh database with the demo district, then the paged roster query as the district admin. Bounded:
/// a fixed amount of work, then it stops. Figures are printed and written to bench/results/latest.md.
/// </summary>
public static class RosterBenchmark
{
    private const string Admin = "admin";
    private const int InsertBatch = 5_000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(int rowCount, int runs)
    {
        var measurements = new Measurements();
        var folder = Directory.CreateTempSubdirectory("dangjian-bench-file-").FullName;
        var file = Path.Combine(folder, string.Create(Inv, $"roster-{rowCount}.xlsx"));
        var notes = new List<string>
        {
            string.Create(Inv, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical CPUs"),
            string.Create(Inv, $"roster file: {rowCount:N0} generated rows (valid unique ID numbers, demo district branch codes); queries as the demo district admin, page size 20, one warm-up then {runs} timed runs, each in a fresh service scope as a request would be"),
        };
#if ROSTER_IMPORT
        notes.Add("load: the file imported through RosterImport.ImportAsync, the service the import page uses");
#else
        notes.Add(string.Create(Inv, $"load: the roster import service was not merged yet, so the generated rows are inserted through DangjianDbContext in batches of {InsertBatch:N0} (audited like any save); build with -p:RosterImport=true to time the import itself"));
#endif
        try
        {
            await RunProviderAsync("SQLite", BenchHost.SqliteAsync, measurements, file, rowCount, runs);
            if (Environment.GetEnvironmentVariable(BenchHost.PostgresVariable) is { Length: > 0 })
            {
                await RunProviderAsync("PostgreSQL", () => BenchHost.PostgresAsync()!, measurements, file, rowCount, runs);
            }
            else
            {
                notes.Add($"PostgreSQL skipped: {BenchHost.PostgresVariable} is not set");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        using (var process = System.Diagnostics.Process.GetCurrentProcess())
        {
            notes.Add(string.Create(Inv, $"peak working set of the whole run: {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MB"));
        }

        var report = measurements.Markdown("Roster benchmark", notes);
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine(RepositoryRoot(), "bench", "results", "latest.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine("Written to " + path);
        return 0;
    }

    private static async Task RunProviderAsync(string provider, Func<Task<BenchHost>> start, Measurements m, string file, int rowCount, int runs)
    {
        await using var host = await m.OnceAsync(provider, "create database, migrate, seed demo district", async () =>
        {
            var h = await start();
            return (h, await h.WithDbAsync(db => db.People.LongCountAsync()));
        });

        var branches = await host.WithDbAsync(db => db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Code)
            .Select(o => new RosterOrganization(o.Id, o.Code, o.Name))
            .ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.Now);
        if (!File.Exists(file))
        {
            await m.OnceAsync("file", "generate roster .xlsx (MiniExcel)", () =>
            {
                RosterGenerator.WriteXlsx(file, RosterGenerator.Rows(rowCount, branches, today));
                return Task.FromResult((true, (long)rowCount));
            });
            Console.WriteLine(string.Create(Inv, $"    {file}: {new FileInfo(file).Length / 1024.0 / 1024:F1} MB"));
        }

        var before = await host.WithDbAsync(db => db.People.LongCountAsync());
#if ROSTER_IMPORT
        await m.OnceAsync(provider, "import roster file (RosterImport)", async () =>
        {
            await using var scope = await host.ScopeAsAsync(Admin);
            await using var stream = File.OpenRead(file);
            var result = await scope.ServiceProvider.GetRequiredService<RosterImport>().ImportAsync(stream, null, CancellationToken.None);
            Console.WriteLine("    " + result);
            return (true, (long)rowCount);
        });
#else
        // Same rows as the file, but organizations by id: what an import would store.
        await m.OnceAsync(provider, string.Create(Inv, $"insert rows via DbContext (batches of {InsertBatch:N0}; stands in for the import)"), async () =>
        {
            foreach (var batch in RosterGenerator.Rows(rowCount, branches, today).Chunk(InsertBatch))
            {
                await using var scope = await host.ScopeAsAsync(Admin);
                var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.People.AddRange(batch.Select(ToPerson));
                await db.SaveChangesAsync();
            }

            return (true, (long)rowCount);
        });
#endif
        var after = await host.WithDbAsync(db => db.People.LongCountAsync());
        if (after - before != rowCount)
        {
            throw new InvalidOperationException(string.Create(Inv, $"Expected {rowCount} more people, found {after - before}."));
        }

        var township = await host.WithDbAsync(db => db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.TownshipCommittee || o.Kind == OrganizationKind.StreetWorkingCommittee)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).FirstAsync());
        var deepPage = (int)Math.Clamp(after / 20, 1, 500); // page 500 of 100,000+; the last full page of a small run
        var cases = new (string Name, RosterFilter Filter, int Page)[]
        {
            (string.Create(Inv, $"roster page 1 (all {after:N0} people)"), new RosterFilter(), 1),
            (string.Create(Inv, $"roster page {deepPage}"), new RosterFilter(), deepPage),
            ("name filter \"王\", page 1", new RosterFilter(Name: "王"), 1),
            ("status filter Probationary, page 1", new RosterFilter(Status: MemberStatus.Probationary), 1),
            ($"organization subtree filter ({township.Name}), page 1", new RosterFilter(OrganizationId: township.Id), 1),
        };
        foreach (var (name, filter, page) in cases)
        {
            await m.RepeatAsync(provider, name, runs, async () =>
            {
                await using var scope = await host.ScopeAsAsync(Admin);
                var result = await scope.ServiceProvider.GetRequiredService<PeopleQueries>().ListAsync(filter, page, 20);
                if (result.Items.Count == 0)
                {
                    throw new InvalidOperationException($"{name}: no rows.");
                }

                return result.Total;
            });
        }
    }

    private static Person ToPerson(RosterRow r) => new()
    {
        Name = r.Name,
        Gender = r.Gender,
        IdNumber = r.IdNumber,
        BirthDate = r.BirthDate,
        Status = r.Status,
        JoinedPartyOn = r.JoinedPartyOn,
        OrganizationId = r.Organization.Id,
        Phone = r.Phone,
    };

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
