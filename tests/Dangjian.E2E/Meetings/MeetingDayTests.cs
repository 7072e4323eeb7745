using Dangjian.Domain.Meetings;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Meetings.Minutes;
using Dangjian.Web.Features.Meetings.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Meetings;

/// <summary>
/// The everyday walk of a meeting's clerk: what one action changes shows at once on the same page (the minutes'
/// 签发 after 结束会议), attendance of the whole room in one save, and minutes that start from what was recorded.
/// </summary>
public sealed class MeetingDayTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task CloseMeeting_EnablesSigning_WithoutAReload() => RunAsync(async page =>
    {
        var meetingId = await CallMeetingAsync("结束即签发");
        await App.AsUserAsync(DemoFacts.Secretary, async sp =>
        {
            await sp.GetRequiredService<MinutesCommands>().SaveDraftAsync(meetingId, new SaveMinutesRequest("会议研究了本季度工作。"));
            return 0;
        });

        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        var minutes = page.Locator("[data-minutes-section=true]");
        var sign = minutes.GetByRole(AriaRole.Button, new() { Name = Ui.Text<MinutesText>("Sign", Ui.Zh), Exact = true });
        await Expect(sign).ToBeDisabledAsync();

        await page.Locator("#close-meeting").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<MeetingText>("CloseMeeting", Ui.Zh) }).ClickAsync();
        await Expect(page.Locator("[data-status=Closed]")).ToBeVisibleAsync();
        await Expect(sign).ToBeEnabledAsync();
    });

    /// <summary>A 支委会 of the secretary's branch with its committee invited, called through the service.</summary>
    private async Task<int> CallMeetingAsync(string title)
    {
        var branch = await ScopeOfAsync(DemoFacts.Secretary);
        title += Guid.NewGuid().ToString("N")[..4];
        return await App.AsUserAsync(DemoFacts.Secretary, sp => sp.GetRequiredService<MeetingCommands>().CreateAsync(new CreateMeetingRequest(
            branch, MeetingType.CommitteeMeeting, title, new DateOnly(2026, 12, 10), null, null, new DateOnly(2026, 12, 7), null, false, null, null, null)));
    }

    private Task<int> ScopeOfAsync(string userName) =>
        App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == userName).Select(x => x.OrganizationId).FirstAsync());
}
