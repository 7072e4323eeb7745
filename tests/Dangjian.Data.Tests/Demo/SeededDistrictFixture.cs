using System.Diagnostics;
using Dangjian.Data.Demo;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Demo;

/// <summary>One demo district seeded into a real SQLite file, and read back, shared by the tests of a class.</summary>
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

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using (var db = Database.Open())
        {
            WasEmptyBefore = await DemoDistrict.IsEmptyAsync(db);
            var watch = Stopwatch.StartNew();
            Result = await DemoDistrict.SeedAsync(db, Today);
            SeedTime = watch.Elapsed;
            IsEmptyAfter = await DemoDistrict.IsEmptyAsync(db);
        }

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
