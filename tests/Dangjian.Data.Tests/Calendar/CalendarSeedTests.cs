using Dangjian.Data.Calendar;
using Dangjian.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Calendar;

/// <summary>The calendar in the database (MTG-2): seeded from the shipped file once, read back as the same calendar.</summary>
public sealed class CalendarSeedTests
{
    [Fact]
    public async Task Ensure_OnAnEmptyDatabase_AddsTheShippedYears_AndAgainAddsNothing()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            Assert.Equal([2025, 2026], await CalendarSeed.EnsureAsync(db));
        }

        await using (var db = database.Open())
        {
            var days = await db.CalendarDays.CountAsync();
            var audit = await db.AuditEntries.CountAsync();

            Assert.Empty(await CalendarSeed.EnsureAsync(db));
            Assert.Equal(days, await db.CalendarDays.CountAsync());
            Assert.Equal(audit, await db.AuditEntries.CountAsync());
            Assert.Equal(CalendarYearJson.Shipped.Sum(y => y.Days.Count), days);
            Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == CalendarSeed.SeededAction);
        }
    }

    [Fact]
    public async Task DatabaseCalendar_AfterSeeding_AgreesWithTheShippedOneOnEveryDay()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.Open();
        await CalendarSeed.EnsureAsync(db);

        var fromDb = await new DatabaseWorkingDayCalendar(db).CurrentAsync();

        Assert.Equal([2025, 2026], fromDb.Years.Order());
        for (var d = new DateOnly(2025, 1, 1); d < new DateOnly(2027, 1, 1); d = d.AddDays(1))
        {
            Assert.Equal(HolidayCalendar.Shipped.IsWorkingDay(d), fromDb.IsWorkingDay(d));
        }

        var missing = Assert.Throws<CalendarYearMissingException>(() => fromDb.IsWorkingDay(new DateOnly(2027, 1, 4)));
        Assert.Equal(2027, missing.Year);
    }

    [Fact]
    public async Task Ensure_NeverOverwritesAYearTheDatabaseHolds_AndAddsOnlyTheMissingOne()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            // An admin's own 2026 (one day only) is there before the shipped years are seeded.
            db.CalendarYears.Add(new CalendarYear { Year = 2026, Source = "本区自定" });
            db.CalendarDays.Add(new CalendarDay { Year = 2026, Date = new DateOnly(2026, 3, 2), Kind = CalendarDayKind.Holiday, Name = "本区纪念日" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            Assert.Equal([2025], await CalendarSeed.EnsureAsync(db));
            Assert.Equal("本区自定", await db.CalendarYears.Where(y => y.Year == 2026).Select(y => y.Source).SingleAsync());
            Assert.Equal(1, await db.CalendarDays.CountAsync(d => d.Year == 2026));
        }
    }

    [Fact]
    public async Task DatabaseCalendar_ReadsOncePerScope_ANewScopeSeesAnEdit()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            await CalendarSeed.EnsureAsync(db);
        }

        var wednesday = new DateOnly(2026, 12, 9);
        await using (var db = database.Open())
        {
            Assert.True((await new DatabaseWorkingDayCalendar(db).CurrentAsync()).IsWorkingDay(wednesday));
            db.CalendarDays.Add(new CalendarDay { Year = 2026, Date = wednesday, Kind = CalendarDayKind.Holiday, Name = "测试" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            Assert.False((await new DatabaseWorkingDayCalendar(db).CurrentAsync()).IsWorkingDay(wednesday));
        }
    }

    [Fact]
    public async Task UniqueDate_ADayCannotBeBothHolidayAndMakeUpWorkday_EvenBypassingTheRules()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            await CalendarSeed.EnsureAsync(db);
        }

        await using (var db = database.Open())
        {
            db.CalendarDays.Add(new CalendarDay { Year = 2026, Date = new DateOnly(2026, 10, 10), Kind = CalendarDayKind.Holiday, Name = "国庆节" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
