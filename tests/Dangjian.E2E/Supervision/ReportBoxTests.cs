using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages.Supervision;
using Dangjian.Web.Features.Supervision.Reports;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Supervision;

/// <summary>
/// 举报 (SUP-1) in the browser: on a phone with JavaScript off, a villager finds the branch by name, files a report about a
/// cadre, reads the case number and the secret, follows the case and sees 已提交; once the district answers, the answer
/// shows on the follow-up page, and no staff account name does.
/// </summary>
public sealed class ReportBoxTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string DistrictAdmin = "admin";

    [Fact]
    public async Task ReportBox_OnAPhoneWithoutJavaScript_FileThenFollow_AndReadTheAnswer()
    {
        var branch = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).BranchWithPeople();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var phone = await App.NewContextAsync(viewport: BrowserApp.Phone, javaScriptEnabled: false);
        try
        {
            var form = await new ReportBoxFormPage(await phone.NewPageAsync(), Ui.Zh).OpenAsync(App.BaseUrl);
            await form.ChooseOrganizationAsync(branch.Name, branch.Id);
            await form.FileAboutCadreAsync("王某某", "反映村干部王某某优亲厚友" + tag);
            await Expect(form.CaseNumber).ToBeVisibleAsync();
            await Expect(form.Main).ToContainTextAsync(Ui.Text<ReportText>("Public.WriteDown", Ui.Zh));
            var number = (await form.CaseNumber.InnerTextAsync()).Trim();
            var secret = (await form.Secret.InnerTextAsync()).Trim();
            var box = await form.Main.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= BrowserApp.Phone.Width, $"{box.X} + {box.Width}");

            var follow = await new ReportBoxFollowPage(await phone.NewPageAsync(), Ui.Zh).OpenAsync(App.BaseUrl);
            await follow.FollowAsync(number, secret);
            await Expect(follow.Status).ToHaveTextAsync(Ui.Text<ReportText>("ReportCaseStatus.Filed", Ui.Zh));
            Assert.DoesNotContain(secret, follow.Page.Url, StringComparison.OrdinalIgnoreCase);

            await App.AsUserAsync(DistrictAdmin, async sp =>
            {
                var row = Assert.Single((await sp.GetRequiredService<ReportQueries>().ListAsync(null, null, number, 1, 20)).Items);
                var commands = sp.GetRequiredService<ReportCommands>();
                await commands.AcceptAsync(row.Id, new ReportStepRequest(0, null));
                await commands.AnswerAsync(row.Id, new AnswerReportRequest(1, "您的举报已受理" + tag, null));
                return 0;
            });

            follow = await new ReportBoxFollowPage(await phone.NewPageAsync(), Ui.Zh).OpenAsync(App.BaseUrl);
            await follow.FollowAsync(number, secret);
            await Expect(follow.Status).ToHaveTextAsync(Ui.Text<ReportText>("ReportCaseStatus.Accepted", Ui.Zh));
            await Expect(follow.Answers).ToContainTextAsync("您的举报已受理" + tag);
            await Expect(follow.Main).Not.ToContainTextAsync(DistrictAdmin);
        }
        finally
        {
            await phone.CloseAsync();
        }
    }
}
