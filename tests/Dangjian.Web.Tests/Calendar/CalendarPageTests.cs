using System.Net;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Calendar;

/// <summary>The /calendar page (MTG-2): any signed-in user sees the year with its holidays, make-up workdays and monthly counts; only district admins get the editing controls.</summary>
public abstract class CalendarPageTests(AppFixture app)
{
    [Fact]
    public async Task Page_ForAMember_ShowsTheYearWithNamesAndMonthlyCounts_WithoutEditing()
    {
        var client = await app.SignInAsync(Demo.Member);

        var response = await client.GetAsync("/calendar?year=2026");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("工作日历", html, StringComparison.Ordinal);
        Assert.Contains("href=\"calendar\"", html, StringComparison.Ordinal); // the menu link, for everyone signed in
        Assert.Contains("2026-02-14", html, StringComparison.Ordinal);
        Assert.Contains("春节", html, StringComparison.Ordinal);
        Assert.Contains("国庆节", html, StringComparison.Ordinal);
        Assert.Contains("调休上班", html, StringComparison.Ordinal);
        // February 2026: 20 weekdays, less 春节's six weekdays (16–20 and 23), plus the Saturdays 14 and 28 worked.
        Assert.Contains("工作日 16 天", html, StringComparison.Ordinal);
        Assert.Contains("全年工作日 248 天", html, StringComparison.Ordinal);
        Assert.DoesNotContain("添加日期", html, StringComparison.Ordinal);
        Assert.DoesNotContain("导入年度", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_YearParameter_OpensThatYear()
    {
        var client = await app.SignInAsync(Demo.Member);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/calendar?year=2025"));

        Assert.Contains("2025-01-26", html, StringComparison.Ordinal); // a Sunday worked before 春节 2025
        Assert.DoesNotContain("2026-02-14", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InEnglish_ReadsInEnglish()
    {
        var client = await app.SignInAsync(Demo.Member);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/calendar?year=2026"));

        Assert.Contains("Working-day calendar", html, StringComparison.Ordinal);
        Assert.Contains("16 working days", html, StringComparison.Ordinal);
        Assert.Contains("Make-up workday", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ForTheDistrictAdmin_OffersAddAndImport()
    {
        var client = await app.SignInAsync(Demo.DistrictAdmin);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/calendar"));

        Assert.Contains("添加日期", html, StringComparison.Ordinal);
        Assert.Contains("导入年度", html, StringComparison.Ordinal);
        Assert.Contains("api/v1/calendar/template", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Anonymous_IsSentToSignIn()
    {
        var response = await app.AnonymousClient().GetAsync("/calendar");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CalendarPageSqliteTests(SqliteApp app) : CalendarPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CalendarPagePostgresTests(PostgresApp app) : CalendarPageTests(app);
