using Dangjian.Domain.Evaluations;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Evaluations;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using CampaignPage = Dangjian.E2E.Pages.Evaluations.CampaignPage;
using EvaluationCodesPage = Dangjian.E2E.Pages.Evaluations.EvaluationCodesPage;
using EvaluationFormPage = Dangjian.E2E.Pages.Evaluations.EvaluationFormPage;

namespace Dangjian.E2E.Evaluations;

/// <summary>
/// A democratic evaluation campaign in the browser, as the township's administrator runs it: a campaign created on /evaluations,
/// its subjects added in bulk from the township's leadership team (picked by name), the usual groups, the
/// announcement, opened; codes issued on the printable slips page; an evaluator answers on a phone with JavaScript
/// off and gets a receipt, the same code is refused; the organizer's page shows the count go up live; closed after
/// the confirmation.
/// </summary>
public sealed class CampaignFlowTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task OrgAdmin_RunsACampaign_ThroughThePages() => RunAsync(async staff =>
    {
        var township = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).Root();
        var team = await TeamMembersAsync(township.Id);
        Assert.NotEmpty(team);
        var title = "浏览器测评" + Guid.NewGuid().ToString("N")[..6];

        // ---- Built on the pages: create, bulk subjects from the township's team, default groups, announce, open.
        await new LoginPage(staff).SignInAsync(DemoFacts.OrgAdminA);
        var campaign = await new CampaignPage(staff, Ui.Zh).CreateAsync(title);
        var campaignId = campaign.Id;
        await Expect(campaign.Status).ToHaveAttributeAsync("data-status", "Draft");
        await campaign.BulkAddAsync(township.Name);
        await Expect(campaign.Subjects).ToHaveCountAsync(team.Count);
        foreach (var name in team)
        {
            await Expect(campaign.Subjects.Filter(new() { HasText = name }).First).ToBeVisibleAsync();
        }

        await campaign.AddDefaultGroupsAsync();
        var groups = CampaignRules.DefaultGroups(CampaignKind.DemocraticEvaluation).Select(g => Ui.Text<EnumText>(g.NameKey, Ui.Zh)).ToList();
        foreach (var name in groups)
        {
            await Expect(campaign.Group(name)).ToBeVisibleAsync();
        }

        // ---- Settings: component weights that do not sum to 1 are refused under their field; 0 / 1 / 0 is saved.
        await campaign.SaveComponentsAsync(0m, 0.9m, 0m);
        await Expect(campaign.SettingsEditor.Locator("[role=alert] [data-field=components]")).ToBeVisibleAsync();
        await campaign.SaveComponentsAsync(0m, 1m, 0m);
        await Expect(campaign.SettingsEditor).ToHaveCountAsync(0);

        // ---- The resident representatives drawn from a residents' list: a row without a name is named; a clean list draws 3.
        var group = groups[^1];
        var nameColumn = Ui.Text<CampaignText>("Residents.Name", Ui.Zh);
        await campaign.DrawResidentsAsync(group, 3, "bad.xlsx", Residents(("1", "张三"), ("2", string.Empty), ("3", "王五")));
        await Expect(campaign.DrawErrors).ToContainTextAsync(Ui.Format<RuleText>("Evaluation.RowRequired", Ui.Zh, 3, nameColumn));
        await campaign.DrawResidentsAsync(group, 3, "residents.xlsx", Residents(("1", "张三"), ("2", "李四"), ("3", "王五"), ("4", "赵六"), ("5", "孙七")));
        await Expect(campaign.Drawn).ToHaveAttributeAsync("data-drawn", "3");
        await Expect(campaign.Group(group)).ToContainTextAsync(Ui.Format<CampaignText>("Page.Drawn", Ui.Zh, 3));

        await campaign.AnnounceAsync("定于近日开展" + title + "，请各位按时参加。");
        await campaign.OpenAsync();

        // ---- Two codes for the resident representatives, read off the printable slips.
        var groupId = await campaign.OpenCodesAsync(group);
        var codes = await new EvaluationCodesPage(staff, Ui.Zh).IssueAsync(2);
        Assert.Equal(2, codes.Distinct().Count());

        // The organizer's page, left open: nothing received yet.
        await Interactive.GotoAsync(staff, $"evaluations/{BrowserApp.Invariant(campaignId)}");
        await Expect(campaign.Progress(groupId)).ToContainTextAsync(Ui.Format<CampaignText>("Page.ProgressLine", Ui.Zh, 0, 2, "0"));

        // ---- An evaluator's phone, JavaScript off: one answer with the first code, a receipt; the same code again is refused.
        var phone = await App.NewContextAsync(viewport: BrowserApp.Phone, javaScriptEnabled: false);
        try
        {
            var form = await new EvaluationFormPage(await phone.NewPageAsync(), Ui.Zh).OpenAsync(groupId);
            await Expect(form.Items.First).ToBeVisibleAsync();
            await form.AnswerAsync(codes[0], "好");
            await Expect(form.Receipt).ToBeVisibleAsync();
            await form.OpenAsync(groupId);
            await form.AnswerAsync(codes[0], "一般");
            await Expect(form.AlreadyUsed).ToContainTextAsync(Ui.Text<Dangjian.Web.Features.Evaluations.Voting.EvaluationVotingText>("Form.AlreadyUsed", Ui.Zh));
            await Expect(form.Receipt).ToHaveCountAsync(0);
        }
        finally
        {
            await phone.DisposeAsync();
        }

        // ---- The count goes up on the open page by itself (re-read every few seconds), never who.
        await Expect(campaign.Progress(groupId)).ToContainTextAsync(
            Ui.Format<CampaignText>("Page.ProgressLine", Ui.Zh, 1, 2, "50"), new() { Timeout = 20_000 });

        await campaign.CloseAsync(title);

        // ---- Closed, the next step is still shown, as a way to it: the results page, where scores and results come next.
        await Expect(staff.Locator("[data-next=Closed]")).ToHaveTextAsync(Ui.Text<CampaignText>("Page.Next.Closed", Ui.Zh));
        await staff.GetByRole(AriaRole.Link, new() { Name = Ui.Text<CampaignText>("Page.NextAction.Closed", Ui.Zh) }).ClickAsync();
        await Interactive.WaitForAddressAsync(staff, u => u.AbsolutePath.EndsWith("/results", StringComparison.Ordinal));
    });

    /// <summary>A residents' list as the template has it (编号, 姓名, 分层).</summary>
    private static byte[] Residents(params (string Key, string Name)[] rows)
    {
        var table = rows.Select(r => new Dictionary<string, object?>
        {
            [Ui.Text<CampaignText>("Residents.Key", Ui.Zh)] = r.Key,
            [Ui.Text<CampaignText>("Residents.Name", Ui.Zh)] = r.Name,
            [Ui.Text<CampaignText>("Residents.Stratum", Ui.Zh)] = "东关社区",
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, table);
        return stream.ToArray();
    }

    /// <summary>The names on the township's current leadership team, as the bulk add takes them.</summary>
    private Task<List<string>> TeamMembersAsync(int organizationId) => App.WithDbAsync(async db =>
    {
        var today = OrgToday.Value;
        var team = await db.LeadershipTeams.AsNoTracking().Include(t => t.Positions)
            .FirstOrDefaultAsync(t => t.OrganizationId == organizationId && t.StartsOn <= today && t.EndsOn >= today);
        var ids = team?.Positions.Select(p => p.PersonId).ToList() ?? [];
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !p.IsRemoved).Select(p => p.Name).Distinct().ToListAsync();
    });
}
