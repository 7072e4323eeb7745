using System.Globalization;
using Dangjian.Domain.Meetings;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Meetings.Minutes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

/// <summary>
/// The app with its clock stopped at 23:30 UTC: in Beijing (the default Dangjian:TimeZone) that is 07:30 the next
/// morning, so what is signed then is shown with the next day's date on the page, the print and the Excel export (its contents and its file name).
/// Its own app instance (the shared one runs on the real clock), started once for this class.
/// </summary>
public sealed class TimeZoneTests(TimeZoneTests.StoppedClockApp app) : IClassFixture<TimeZoneTests.StoppedClockApp>
{
    /// <summary>Today at 23:30 UTC (the clock stands there: nothing in these checks waits on it).</summary>
    public static readonly DateTimeOffset Now = new(DateTime.UtcNow.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);

    private static readonly DateOnly UtcDay = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly DateOnly BeijingDay = UtcDay.AddDays(1);

    [Fact]
    public async Task MinutesSignedAt2330Utc_ShowTheNextDay_OnThePage_ThePrint_AndTheExport()
    {
        // A correction of signed minutes in township A, signed now by its org admin (through the app's services; the
        // signing in the browser is covered by the meeting tests).
        var township = await app.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == DemoFacts.OrgAdminA).Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => o.Path).FirstAsync());
        var (meetingId, organizationId, year) = await app.WithDbAsync(db => db.MeetingMinutes
            .Where(m => m.Status == MinutesStatus.SignedOff && m.Revision == 1)
            .Join(db.Organizations.Where(o => o.Path.StartsWith(township)), m => m.OrganizationId, o => o.Id, (m, o) => m)
            .OrderBy(m => m.MeetingId).Select(m => new ValueTuple<int, int, int>(m.MeetingId, m.OrganizationId, m.Year)).FirstAsync());
        await app.AsUserAsync(DemoFacts.OrgAdminA, async services =>
        {
            var commands = services.GetRequiredService<MinutesCommands>();
            await commands.CorrectAsync(meetingId, new CorrectMinutesRequest("日期笔误"));
            var draft = await services.GetRequiredService<Dangjian.Data.DangjianDbContext>().MeetingMinutes.AsNoTracking()
                .Where(m => m.MeetingId == meetingId && m.Status == MinutesStatus.Draft).Select(m => m.Version).SingleAsync();
            await commands.SignAsync(meetingId, new SignMinutesRequest(draft));
            return 0;
        });

        var shown = Day(BeijingDay) + " 07:30";
        var utc = Day(UtcDay) + " 23:30";
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);

        // The page: the note on the minutes in force.
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        var section = page.Locator("[data-minutes-section=true]");
        await Expect(section).ToContainTextAsync(shown);
        await Expect(section).Not.ToContainTextAsync(utc);

        // The print: 签发日期 is the Beijing day, written 2026年5月2日.
        await page.GotoAsync($"meetings/{meetingId}/minutes/print");
        var signedOn = page.Locator(".doc-sign");
        await Expect(signedOn).ToContainTextAsync(Chinese(BeijingDay));
        await Expect(signedOn).Not.ToContainTextAsync(Chinese(UtcDay));

        // The register's Excel export: the signed revision's 签发时间.
        var response = await page.APIRequest.GetAsync($"api/v1/meetings/minutes.xlsx?organizationId={organizationId}&year={year}");
        Assert.True(response.Ok, $"export answered {response.Status}");
        // The file is named by the Beijing day too: minutes-20260502.xlsx, not the UTC day before.
        var disposition = response.Headers["content-disposition"];
        Assert.Contains(FileName(BeijingDay), disposition, StringComparison.Ordinal);
        Assert.DoesNotContain(FileName(UtcDay), disposition, StringComparison.Ordinal);
        using var stream = new MemoryStream(await response.BodyAsync());
        var column = Ui.Text<MinutesText>("Col.SignedAt", Ui.Zh);
        var signedAts = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r[column]?.ToString()).ToList();
        Assert.Contains(shown, signedAts);
        Assert.DoesNotContain(utc, signedAts);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileName(DateOnly day) => "minutes-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".xlsx";

    private static string Chinese(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The browser app with <see cref="TimeProvider"/> replaced by a clock stopped at <see cref="Now"/>.</summary>
    public sealed class StoppedClockApp : BrowserApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        }
    }
}
