using System.Diagnostics;
using System.Globalization;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Features.Study.Records;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// What a district admin waits for on the study pages (STU-1, STU-2) once a year of records is in: the demo district
/// plus <c>records</c> approved records spread over its Party members this year (made through <see cref="StudyRecord.Enter"/>
/// as the clerk's entry makes them, saved in batches with their audit entries). Then, through the services the pages
/// call, in a scope as "admin": compliance over the whole district (every member's requirements, exams and credits;
/// first page), compliance of the largest township, the records list's first page and a name search. One warm-up,
/// then <c>runs</c> timed calls; median and slowest per provider; SQLite first, then PostgreSQL. Bounded.
/// </summary>
public static class StudyBenchmark
{
    public sealed record Options(int Records, int Runs, int Seed);

    private static readonly StudyKind[] Kinds = [StudyKind.CentralGroup, StudyKind.SelfStudy, StudyKind.Concentrated, StudyKind.Course];

    public static async Task<int> RunAsync(Options o)
    {
        foreach (var start in QueryTimer.Hosts())
        {
            await using var host = await start();
            var (district, township, members) = await host.WithDbAsync(async db =>
            {
                var root = await db.Organizations.Where(x => x.ParentId == null).Select(x => new { x.Id, x.Path }).FirstAsync();
                var townships = await db.Organizations.Where(x => x.Kind == OrganizationKind.TownshipCommittee).Select(x => new { x.Id, x.Path }).ToListAsync();
                var people = await db.People.Where(p => !p.IsRemoved && p.Status != MemberStatus.Resident)
                    .Select(p => new { p.Id, p.OrganizationId, p.Name, Path = db.Organizations.Where(x => x.Id == p.OrganizationId).Select(x => x.Path).First() })
                    .OrderBy(p => p.Id).ToListAsync();
                var largest = townships.OrderByDescending(t => people.Count(p => p.Path.StartsWith(t.Path, StringComparison.Ordinal))).First().Id;
                return (root.Id, largest, people.Select(p => (p.Id, p.OrganizationId, p.Name)).ToList());
            });

            var watch = Stopwatch.StartNew();
            var added = await AddRecordsAsync(host, members, o);
            var total = await host.WithDbAsync(db => db.StudyRecords.CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{host.Provider}: {members.Count} members; {added} records added in {watch.Elapsed.TotalSeconds:F1} s ({total} in all)"));

            var name = members[members.Count / 2].Name[..1];
            await QueryTimer.TimeAsync(host, o.Runs, "compliance, whole district (first page)", sp => sp.GetRequiredService<StudyComplianceQueries>().OverviewAsync(district, null, false, 1, 20));
            await QueryTimer.TimeAsync(host, o.Runs, "compliance, largest township (first page)", sp => sp.GetRequiredService<StudyComplianceQueries>().OverviewAsync(township, null, false, 1, 20));
            await QueryTimer.TimeAsync(host, o.Runs, "records list, whole district (first page)", sp => sp.GetRequiredService<StudyRecordQueries>().ListAsync(new StudyRecordFilter(district, null, null, null, null, 1, 20)));
            await QueryTimer.TimeAsync(host, o.Runs, $"records list, name \"{name}\" (first page)", sp => sp.GetRequiredService<StudyRecordQueries>().ListAsync(new StudyRecordFilter(district, null, null, null, name, 1, 20)));
        }

        return 0;
    }

    /// <summary>Approved records on days of this year up to today, 1 to 4 hours, kinds and contents by a seeded generator.</summary>
    private static async Task<int> AddRecordsAsync(BenchHost host, List<(int Id, int OrganizationId, string Name)> members, Options o)
    {
        var rnd = new Random(o.Seed);
        var today = host.Services.GetRequiredService<OrgClock>().Today;
        var days = today.DayOfYear;
        var contents = Enum.GetValues<StudyContent>();
        var now = DateTimeOffset.UtcNow;
        var added = 0;
        while (added < o.Records)
        {
            var batch = Math.Min(5_000, o.Records - added);
            await host.WithDbAsync(async db =>
            {
                for (var i = 0; i < batch; i++)
                {
                    var (id, org, _) = members[rnd.Next(members.Count)];
                    var kind = Kinds[rnd.Next(Kinds.Length)];
                    var content = new StudyRecordContent(kind, Date: today.AddDays(-rnd.Next(days)), Hours: rnd.Next(1, 5),
                        Topic: "基准测试", Notes: "基准测试笔记", Content: rnd.Next(5) is var c && c < contents.Length ? contents[c] : null);
                    db.StudyRecords.Add(StudyRecord.Enter(id, org, content, byClerk: true, StudyCredits.Defaults, "bench", now, today));
                }

                db.AuditAction = "StudyRecord.Imported";
                return await db.SaveChangesAsync();
            });
            added += batch;
        }

        return added;
    }
}
