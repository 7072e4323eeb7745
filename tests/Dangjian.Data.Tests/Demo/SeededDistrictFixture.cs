using System.Diagnostics;
using Dangjian.Data.Demo;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Demo;

/// <summary>
/// One demo district in a real SQLite file, and read back, shared by the tests of a class. The district is seeded once
/// per test run (into a template file); each class gets its own copy of that file, so what one class does to its
/// database never reaches another, and the seed's cost (most of this project's set-up) is paid once, not per class.
/// </summary>
public sealed class SeededDistrictFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private SqliteTestDatabase? _database;

    public SqliteTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public DemoSeedResult Result { get; private set; } = null!;

    public TimeSpan SeedTime { get; private set; }

    public bool WasEmptyBefore { get; private set; }

    public bool IsEmptyAfter { get; private set; }

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<LeadershipTeam> Teams { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public IReadOnlyList<MeetingMinutes> Minutes { get; private set; } = [];

    private static readonly Lazy<Task<Seeded>> Template = new(SeedTemplateAsync);

    /// <summary>The seeding done once per run: the file, and what the seed reported.</summary>
    private sealed record Seeded(SqliteTestDatabase Database, DemoSeedResult Result, TimeSpan SeedTime, bool WasEmptyBefore, bool IsEmptyAfter);

    private static async Task<Seeded> SeedTemplateAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await using var db = database.Open();
        var wasEmptyBefore = await DemoDistrict.IsEmptyAsync(db);
        var watch = Stopwatch.StartNew();
        var result = await DemoDistrict.SeedAsync(db, Today);
        var seedTime = watch.Elapsed;
        return new Seeded(database, result, seedTime, wasEmptyBefore, await DemoDistrict.IsEmptyAsync(db));
    }

    public async Task InitializeAsync()
    {
        var seeded = await Template.Value;
        (Result, SeedTime, WasEmptyBefore, IsEmptyAfter) = (seeded.Result, seeded.SeedTime, seeded.WasEmptyBefore, seeded.IsEmptyAfter);
        _database = SqliteTestDatabase.CopyOf(seeded.Database);

        await using var read = Database.Open();
        Organizations = await read.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        People = await read.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Teams = await read.LeadershipTeams.AsNoTracking().Include(t => t.Positions).OrderBy(t => t.Id).ToListAsync();
        Units = await read.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
        Meetings = await read.Meetings.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Minutes = await read.MeetingMinutes.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
