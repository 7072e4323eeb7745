using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Rounds;

namespace Dangjian.E2E.Pages.Elections;

/// <summary>
/// /elections/rounds/{id}: one round of the election meeting: the roll, open/close/count/publish, a teller's paper
/// ballot entry form and the reconciliation table (differences highlighted ballot by ballot), and the result.
/// </summary>
public sealed class RoundPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public RoundPage(IPage page)
        : this(page, Ui.Zh)
    {
    }

    public ILocator SaveButton => Page.Locator("#paper-save");

    public ILocator CorrectButtons => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<RoundText>("Correct", Culture), Exact = true });

    public ILocator Status => Page.Locator("[data-status]").First;

    public ILocator CountButton => Page.Locator("#round-count");

    public ILocator CodesLink => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<RoundText>("CodesLink", Culture) });

    /// <summary>The result table's rows (name, for, against, abstain, outcome), the header row excluded.</summary>
    public ILocator ResultRows => Page.Locator(".round-result tbody tr");

    public async Task<RoundPage> OpenAsync(int roundId)
    {
        await Interactive.GotoAsync(Page, $"elections/rounds/{roundId}");
        return this;
    }

    public Task ReloadAsync() => Interactive.RunAsync(Page, () => Page.ReloadAsync());

    /// <summary>Records the roll: 应到, 实到, 发出选票.</summary>
    public async Task SaveRollAsync(int entitled, int present, int issued)
    {
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Round.EntitledVoters", Culture)).FillAsync(BrowserApp.Invariant(entitled));
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Round.VotersPresent", Culture)).FillAsync(BrowserApp.Invariant(present));
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Round.BallotsIssued", Culture)).FillAsync(BrowserApp.Invariant(issued));
        await Page.Locator("#roll-save").ClickAsync();
        await Assertions.Expect(Page.GetByText(Ui.Text<RoundText>("RollSaved", Culture))).ToBeVisibleAsync();
    }

    public async Task OpenVotingAsync()
    {
        await Page.Locator("#round-open").ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Open");
    }

    public async Task CloseVotingAsync()
    {
        await Page.Locator("#round-close").ClickAsync();
        await ConfirmAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Closed");
    }

    public async Task CountAsync()
    {
        await CountButton.ClickAsync();
        await ConfirmAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Counted");
    }

    public async Task PublishAsync()
    {
        await Page.Locator("#round-publish").ClickAsync();
        await ConfirmAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Published");
    }

    public ILocator Mark(string candidate, string mark) =>
        Page.Locator(".ballot-marks tr", new() { HasText = candidate })
            .GetByRole(AriaRole.Radio, new() { Name = Ui.Text<RoundText>(mark, Culture), Exact = true });

    public ILocator Mismatch(int number) => Page.Locator($".recon-table tr.mismatch[data-number=\"{number}\"]");

    public ILocator Reconciled(bool reconciled) => Page.Locator($"[data-reconciled=\"{(reconciled ? "true" : "false")}\"]");

    public ILocator Teller(int teller) => Page.GetByRole(AriaRole.Radio, new() { Name = Ui.Format<RoundText>("TellerN", Culture, teller), Exact = true });

    /// <summary>Enters one paper ballot as the given teller: the marks (RoundText keys Mark.For, Mark.Against), then save.</summary>
    public async Task EnterAsync(int teller, params (string Candidate, string Mark)[] marks)
    {
        await Teller(teller).CheckAsync();
        foreach (var (candidate, mark) in marks)
        {
            await Mark(candidate, mark).CheckAsync();
        }

        await SaveButton.ClickAsync();
        await Assertions.Expect(Page.Locator(".recon-table")).ToBeVisibleAsync();
    }

    private async Task ConfirmAsync() =>
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Confirm", Culture), Exact = true }).ClickAsync();
}
