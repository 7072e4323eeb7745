using Dangjian.Domain.Meetings;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Reviews;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Reviews;

/// <summary>
/// 复盘 (REV-1) in the browser: the branch secretary writes a review from a meeting's card (the server's message under
/// 目的或期望 when it is left out), saves it, finds it on the meeting's page, and prints the template's A4 sheet.
/// </summary>
public sealed class ReviewTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Secretary_WritesAReviewFromAMeeting_SeesItThere_PrintsItOnA4() => RunAsync(async page =>
    {
        var meeting = await App.WithDbAsync(db =>
            (from m in db.Meetings
             join r in db.RoleAssignments on m.OrganizationId equals r.OrganizationId
             join u in db.Users on r.UserId equals u.Id
             where u.UserName == DemoFacts.Secretary && m.Status == MeetingStatus.Closed
             orderby m.Date descending, m.Id descending
             select new { m.Id, m.Title }).FirstAsync());
        var title = $"浏览器复盘{Guid.NewGuid():N}"[..16];

        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        var reviews = new ReviewPages(page, Ui.Zh);
        await reviews.StartFromCardAsync($"meetings/{BrowserApp.Invariant(meeting.Id)}", "Meeting");
        await Expect(page.Locator("[data-subject]")).ToContainTextAsync(meeting.Title);

        await reviews.FillAsync("title", title);
        await reviews.FillAsync("summary", "支委会研究三项议题，逐项表决");
        await reviews.FillAsync("participants", "支部书记、支部委员");
        await reviews.FillAsync("place", "村党群服务中心");
        await reviews.Save.ClickAsync();
        await Expect(reviews.FieldError("purpose")).ToContainTextAsync(Ui.Text<RuleText>("Field.Review.Purpose", Ui.Zh));

        await reviews.FillAsync("purpose", "议题会前充分酝酿，会上集体决策");
        await reviews.FillAsync("failureFactors", "资金来源会前没有核实");
        await reviews.FillAsync("lessons", "涉及资金的议题先算清账再上会");
        var id = await reviews.SaveAndOpenAsync(title);
        await Expect(page.Locator("[data-field=lessons]")).ToHaveTextAsync("涉及资金的议题先算清账再上会");

        await Interactive.GotoAsync(page, $"meetings/{BrowserApp.Invariant(meeting.Id)}");
        await Expect(reviews.Card("Meeting").Locator($"[data-review=\"{BrowserApp.Invariant(id)}\"]")).ToContainTextAsync(title);

        await reviews.OpenPrintAsync(id);
        foreach (var heading in reviews.TemplateHeadings())
        {
            await Expect(page.Locator("table.review-sheet th").GetByText(heading, new() { Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.InRange(ReviewPages.PdfPages(pdf), 1, 2);
    });
}
