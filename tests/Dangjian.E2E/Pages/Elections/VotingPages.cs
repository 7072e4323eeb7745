using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Elections.Rounds;
using Dangjian.Web.Features.Elections.Voting;

namespace Dangjian.E2E.Pages.Elections;

/// <summary>/elections/rounds/{id}/codes: a static page that issues one-time codes and shows them once, as slips.</summary>
public sealed class CodesPage(IPage page, CultureInfo culture)
{
    public ILocator Issued => page.Locator("[data-codes-issued]");

    public ILocator Cast => page.Locator("[data-ballots-cast]");

    /// <summary>Issues a batch and reads the codes off the slips, as printed (ABCDE-FGHJK).</summary>
    public async Task<IReadOnlyList<string>> IssueAsync(int count)
    {
        await page.Locator("#count").FillAsync(BrowserApp.Invariant(count));
        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<VotingText>("Codes.Issue", culture), Exact = true }).ClickAsync();
        var slips = page.Locator("article.slip");
        await Assertions.Expect(slips).ToHaveCountAsync(count);
        return await page.Locator("article.slip .slip-code").AllInnerTextsAsync();
    }
}

/// <summary>/vote/{id}: the public ballot, a plain form that works without JavaScript; a receipt or one refusal.</summary>
public sealed class BallotPage(IPage page, CultureInfo culture)
{
    public ILocator Receipt => page.Locator("[data-receipt]");

    /// <summary>"This code has already been used": a reused code is told so, not refused as unknown.</summary>
    public ILocator AlreadyUsed => page.Locator("[data-outcome=used]");

    public async Task<BallotPage> OpenAsync(int roundId)
    {
        await page.GotoAsync($"vote/{BrowserApp.Invariant(roundId)}");
        return this;
    }

    /// <summary>Types the code, marks each named candidate (VotingText keys Mark.For, Mark.Against) and casts the ballot.</summary>
    public async Task CastAsync(string code, params (string Candidate, string Mark)[] marks)
    {
        await page.Locator("#code").FillAsync(code);
        foreach (var (candidate, mark) in marks)
        {
            await page.GetByRole(AriaRole.Group, new() { Name = candidate, Exact = true })
                .GetByRole(AriaRole.Radio, new() { Name = Ui.Text<VotingText>(mark, culture), Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<VotingText>("Vote.Submit", culture), Exact = true }).ClickAsync();
    }
}

/// <summary>/public/elections/rounds/{id}: a published result, for anyone, with a receipt lookup form.</summary>
public sealed class PublicRoundPage(IPage page, CultureInfo culture)
{
    public ILocator Found(bool found) => page.Locator($"[data-receipt-found=\"{(found ? "true" : "false")}\"]");

    public ILocator ResultRows => page.Locator(".round-result tbody tr");

    public async Task<PublicRoundPage> OpenAsync(int roundId)
    {
        await page.GotoAsync($"public/elections/rounds/{BrowserApp.Invariant(roundId)}");
        return this;
    }

    public async Task LookUpAsync(string receipt)
    {
        await page.GetByLabel(Ui.Text<RoundText>("Receipt", culture), new() { Exact = true }).FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<RoundText>("Lookup", culture), Exact = true }).ClickAsync();
    }
}
