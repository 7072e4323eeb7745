using Dangjian.Domain.Meetings;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Meetings;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Meetings;

/// <summary>
/// 提议上会事项 (MTG-4) in the browser: the demo secretary, who sits on their branch's team, raises a matter on /me; on
/// /meetings/matters they put it on an open meeting's agenda, and the meeting page shows it as an item proposed by them.
/// </summary>
public sealed class MatterFlowTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task TeamMember_RaisesAMatter_ThatReachesAMeetingsAgenda() => RunAsync(async page =>
    {
        var title = "关于修缮村党群服务中心的提议" + Guid.NewGuid().ToString("N")[..4];
        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        await Interactive.GotoAsync(page, "me");
        var matters = new MattersPage(page, Ui.Zh);
        await matters.RaiseOnMeAsync(title, "服务中心屋顶漏雨，需研究维修资金。");
        await Expect(matters.Matter(title)).ToHaveAttributeAsync("data-status", nameof(RaisedMatterStatus.Raised));

        await Interactive.GotoAsync(page, "meetings/matters");
        await Expect(matters.Matter(title)).ToBeVisibleAsync();
        await matters.ScheduleAsync(title);
        await Expect(matters.Matter(title)).Not.ToBeVisibleAsync(); // the list shows waiting matters

        var meetingId = await App.WithDbAsync(db => db.RaisedMatters.Where(m => m.Title == title).Select(m => m.MeetingId).SingleAsync());
        Assert.NotNull(meetingId);
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        await Expect(page.Locator("[data-item]").Filter(new() { HasText = title })).ToBeVisibleAsync();
    });
}
