using System.Globalization;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Dues;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Dues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Dues;

/// <summary>
/// DUE-2 and DUE-3 in the browser: a member six months unpaid is marked in the ledger and listed in the reminders; a
/// payment entered on the page breaks the run and the mark goes; the ledger downloads as .xlsx. On the funds page a
/// spending past the balance is refused with the message on the amount field, and one within it lowers the balance. An
/// import with one bad cell is refused whole, the cell named by row and column, and the ledger stays as it was.
/// </summary>
public sealed class DuesFlowTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Ledger_FlaggedMemberMarked_APaymentBreaksTheRun_ExportDownloads() => RunAsync(async page =>
    {
        var branch = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).BranchWithPeople();
        var name = "浏览器交费人" + Guid.NewGuid().ToString("N")[..6];
        var member = await MemberPayingFrom2023Async(branch.Id, name);

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"{App.BaseUrl}dues?organizationId={branch.Id}&from=2023-01&to=2023-06");
        var ledger = new DuesLedgerScreen(page, Ui.Zh);
        await Expect(ledger.Row(member)).ToHaveAttributeAsync("data-flagged", "true", new() { Timeout = 20_000 });
        await Expect(ledger.Reminder(member)).ToHaveAttributeAsync("data-flagged", "true");

        await ledger.PayAsync(name, "2023-03", 42m);

        await Expect(ledger.Row(member)).Not.ToHaveAttributeAsync("data-flagged", "true", new() { Timeout = 20_000 });
        await Expect(ledger.Reminder(member)).ToContainTextAsync("210.00");

        var download = await ledger.ExportAsync();
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    });

    [Fact]
    public Task Import_RefusedWhole_NamesTheBadCellByRowAndColumn_TheLedgerUnchanged() => RunAsync(async page =>
    {
        var branch = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).BranchWithPeople();
        var name = "浏览器导入人" + Guid.NewGuid().ToString("N")[..6];
        var member = await MemberPayingFrom2023Async(branch.Id, name);

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"{App.BaseUrl}dues?organizationId={branch.Id}&from=2023-01&to=2023-06");
        var ledger = new DuesLedgerScreen(page, Ui.Zh);
        await Expect(ledger.Row(member)).ToHaveAttributeAsync("data-flagged", "true", new() { Timeout = 20_000 });
        var before = await ledger.Row(member).InnerTextAsync();

        // Row 2 is good, row 3 has a negative amount: the whole file is refused and the cell named.
        using var file = new MemoryStream();
        await file.SaveAsAsync(new[]
        {
            new Dictionary<string, object?> { ["姓名"] = name, ["月份"] = "2023-01", ["金额"] = "42" },
            new Dictionary<string, object?> { ["姓名"] = name, ["月份"] = "2023-02", ["金额"] = "-5" },
        });
        await ledger.UploadAsync(file.ToArray());

        await Expect(ledger.ImportProblems).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(ledger.ImportProblems.First).ToContainTextAsync(Ui.Format<RuleText>("Input.InRow", Ui.Zh, 3, Ui.Text<DuesText>("Import.Paid", Ui.Zh), string.Empty));
        await Expect(ledger.Row(member)).ToHaveAttributeAsync("data-flagged", "true");
        Assert.Equal(before, await ledger.Row(member).InnerTextAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.PersonId == member)));
    });

    [Fact]
    public Task Funds_SpendingPastTheBalance_RefusedOnTheAmount_OneWithinIt_LowersTheBalance() => RunAsync(async page =>
    {
        var branch = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).BranchWithPeople();
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
            await sp.GetRequiredService<ActivityFunds>().AddAsync(new AddActivityFundRequest(branch.Id, ActivityFundKind.Received, 50m, "上级下拨", null, OrgToday.Value)));

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"{App.BaseUrl}dues/funds?organizationId={branch.Id}");
        var funds = new FundsScreen(page, Ui.Zh);
        await Expect(funds.Balance).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var balance = decimal.Parse((await funds.Balance.GetAttributeAsync("data-balance"))!, CultureInfo.InvariantCulture);

        await funds.SpendAsync(balance + 1m, "购买学习资料", "王书记");
        await Expect(funds.AmountError).ToContainTextAsync("结余");
        await Expect(funds.Balance).ToHaveAttributeAsync("data-balance", (await funds.Balance.GetAttributeAsync("data-balance"))!);
        Assert.Equal(balance, decimal.Parse((await funds.Balance.GetAttributeAsync("data-balance"))!, CultureInfo.InvariantCulture));

        await funds.SpendAsync(1m, "购买学习资料", "王书记");
        await Expect(funds.Balance).ToContainTextAsync(Dangjian.Web.Features.Dues.YuanText.Format(balance - 1m), new() { Timeout = 20_000 });
    });

    /// <summary>A new full member of the branch whose dues (4200 a month salaried, 42.00) run from January 2023, nothing paid.</summary>
    private async Task<int> MemberPayingFrom2023Async(int branch, string name)
    {
        var member = await App.WithDbAsync(async db =>
        {
            var person = new Person { Name = name, Gender = Gender.Male, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2001, 7, 1), OrganizationId = branch };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
            await sp.GetRequiredService<DuesCommands>().SetProfileAsync(new SetDuesProfileRequest(member, DuesCategory.Salaried, 4200m, null, "2023-01", null)));
        return member;
    }
}
