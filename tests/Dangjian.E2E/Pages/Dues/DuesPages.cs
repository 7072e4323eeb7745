using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Dues;

namespace Dangjian.E2E.Pages.Dues;

/// <summary>/dues: the ledger of an organization (rows data-person, flagged ones data-flagged), its entry panel, reminders and export.</summary>
public sealed class DuesLedgerScreen(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Row(int personId) => Page.Locator($"tr[data-person=\"{BrowserApp.Invariant(personId)}\"]");

    public ILocator Reminder(int personId) => Page.Locator($"li[data-reminder=\"{BrowserApp.Invariant(personId)}\"]");

    /// <summary>Records a payment of one member's month through the entry panel.</summary>
    public async Task PayAsync(string memberName, string month, decimal paid)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<DuesText>("Member", Culture) }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = memberName }).First.ClickAsync();
        await Page.Locator("#dues-month").FillAsync(month);
        await Page.Locator("#dues-paid").FillAsync(paid.ToString(CultureInfo.InvariantCulture));
        await Page.Locator("[data-action=record-payment]").ClickAsync();
    }

    public async Task<IDownload> ExportAsync() => await Page.RunAndWaitForDownloadAsync(() => Page.Locator("[data-action=export]").ClickAsync());

    /// <summary>Chooses an .xlsx of payments in the import's file input.</summary>
    public Task UploadAsync(byte[] xlsx) =>
        Page.GetByLabel(Ui.Text<DuesText>("Import", Culture)).SetInputFilesAsync(new FilePayload { Name = "dues.xlsx", MimeType = ExcelFile.ContentType, Buffer = xlsx });

    /// <summary>The problems of a refused import, one item each (第 N 行（列）：…).</summary>
    public ILocator ImportProblems => Page.Locator("[data-import-result] li");
}

/// <summary>/dues/funds: an organization's activity funds, the balance (data-balance) and the entry form.</summary>
public sealed class FundsScreen(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Balance => Page.Locator("[data-balance]");

    public ILocator AmountError => Page.Locator(".mud-input-control").Filter(new() { Has = Page.Locator("#funds-amount") }).Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>Fills and sends the entry form for a spending.</summary>
    public async Task SpendAsync(decimal amount, string purpose, string approver)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<DuesText>("Kind", Culture) }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = Ui.Text<EnumText>("ActivityFundKind.Spent", Culture) }).First.ClickAsync();
        await Page.Locator("#funds-amount").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await Page.Locator("#funds-purpose").FillAsync(purpose);
        await Page.Locator("#funds-approver").FillAsync(approver);
        await Page.Locator("[data-action=add-entry]").ClickAsync();
    }
}
