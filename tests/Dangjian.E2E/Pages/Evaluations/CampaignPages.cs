using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Features.Evaluations.Voting;

namespace Dangjian.E2E.Pages.Evaluations;

/// <summary>/evaluations and /evaluations/{id}: the list with its create form, and one campaign's page (subjects, groups, steps, progress).</summary>
public sealed class CampaignPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>The status chip (data-status="Draft" / "Announced" / "Open" / "Closed").</summary>
    public ILocator Status => Page.Locator(".mud-chip[data-status]").First;

    /// <summary>The subjects card's list items.</summary>
    public ILocator Subjects => Page.Locator("[data-subjects] .mud-list-item");

    /// <summary>One group's line on the groups card (data-group="{name}").</summary>
    public ILocator Group(string name) => Page.Locator($"[data-group=\"{name}\"]");

    /// <summary>A group's live progress line (data-group-progress="{id}").</summary>
    public ILocator Progress(int groupId) => Page.Locator($"[data-group-progress=\"{BrowserApp.Invariant(groupId)}\"]");

    public int Id => int.Parse(System.Text.RegularExpressions.Regex.Match(Page.Url, @"/evaluations/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Creates a campaign from the list page's form (township and template as offered first, window from today) and lands on its page.</summary>
    public async Task<CampaignPage> CreateAsync(string title)
    {
        await Interactive.GotoAsync(Page, "evaluations");
        await Page.GetByLabel(Text("Col.Title")).First.FillAsync(title);
        await Button("Create.Submit").ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Bulk-adds subjects from an organization picked by name in the organization picker.</summary>
    public async Task BulkAddAsync(string organizationName)
    {
        await Ui.PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = Text("Page.SourceOrganization") }).First, organizationName);
        await Button("Page.BulkAdd").ClickAsync();
    }

    public async Task AddDefaultGroupsAsync() => await Button("Page.DefaultGroups").ClickAsync();

    public async Task AnnounceAsync(string text)
    {
        await Page.GetByLabel(Text("Page.Announcement")).First.FillAsync(text);
        await Button("Page.Announce").ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Announced");
    }

    public async Task OpenAsync()
    {
        await Button("Page.Open").ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Open");
    }

    /// <summary>Closes the campaign: the button, then the confirmation dialog's button.</summary>
    public async Task CloseAsync(string title)
    {
        await Button("Page.Close").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync(Ui.Format<CampaignText>("Page.CloseConfirm", Culture, title));
        await dialog.GetByRole(AriaRole.Button, new() { Name = Text("Page.Close"), Exact = true }).ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Closed");
    }

    public ILocator SettingsEditor => Page.Locator("[data-settings-editor]");

    /// <summary>Opens the settings editor, sets the three component weights and saves.</summary>
    public async Task SaveComponentsAsync(decimal achievement, decimal democratic, decimal inspection)
    {
        if (await SettingsEditor.CountAsync() == 0)
        {
            await Button("Settings.Edit").ClickAsync();
        }

        await SettingsEditor.GetByLabel(Text("Settings.Achievement")).FillAsync(achievement.ToString(CultureInfo.InvariantCulture));
        await SettingsEditor.GetByLabel(Text("Settings.Democratic")).FillAsync(democratic.ToString(CultureInfo.InvariantCulture));
        await SettingsEditor.GetByLabel(Text("Settings.Inspection")).FillAsync(inspection.ToString(CultureInfo.InvariantCulture));
        await SettingsEditor.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Save", Culture), Exact = true }).ClickAsync();
    }

    public ILocator DrawPanel => Page.Locator("[data-draw-panel]");

    public ILocator DrawErrors => DrawPanel.Locator("[data-draw-errors]");

    public ILocator Drawn => DrawPanel.Locator("[data-drawn]");

    /// <summary>Draws a group's evaluators from an uploaded residents' list (.xlsx bytes).</summary>
    public async Task DrawResidentsAsync(string group, int count, string fileName, byte[] xlsx)
    {
        await ChooseAsync(DrawPanel, Text("Draw.Group"), group);
        await ChooseAsync(DrawPanel, Text("Draw.Population"), Text("Draw.FromResidents"));
        await DrawPanel.GetByLabel(Text("Page.DrawCount")).FillAsync(BrowserApp.Invariant(count));
        var file = new FilePayload { Name = fileName, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx };
        var chosen = DrawPanel.Locator($"[data-file=\"{fileName}\"]");
        await DrawPanel.Locator("#residents-file").SetInputFilesAsync(file);

        // Choosing "from a residents' list" re-renders the panel; on a loaded machine the file can land on the input that
        // render replaced, so the choice is made once more on the input now shown (as a user would pick it again).
        try
        {
            await Assertions.Expect(chosen).ToBeVisibleAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            await DrawPanel.Locator("#residents-file").SetInputFilesAsync(file);
            await Assertions.Expect(chosen).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }

        await DrawPanel.GetByRole(AriaRole.Button, new() { Name = Text("Page.Draw"), Exact = true }).ClickAsync();
    }

    private async Task ChooseAsync(ILocator within, string label, string option)
    {
        var select = within.GetByRole(AriaRole.Combobox, new() { Name = label }).First;
        await select.ClickAsync();
        var choice = Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        await Assertions.Expect(choice).ToHaveCountAsync(0);
    }

    /// <summary>Follows a group's link to its printable code slips (a static page).</summary>
    public async Task<int> OpenCodesAsync(string group)
    {
        await Group(group).GetByRole(AriaRole.Link, new() { Name = Text("Codes.Title"), Exact = true }).ClickAsync();
        await Interactive.WaitForAddressAsync(Page, u => System.Text.RegularExpressions.Regex.IsMatch(u.AbsolutePath, "^/evaluations/groups/[^/]+/codes$"));
        return int.Parse(System.Text.RegularExpressions.Regex.Match(Page.Url, @"/groups/(\d+)/codes").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private ILocator Button(string key) => Page.GetByRole(AriaRole.Button, new() { Name = Text(key), Exact = true });

    private string Text(string key) => Ui.Text<CampaignText>(key, Culture);
}

/// <summary>/evaluations/groups/{id}/codes: issues one-time codes and shows them once, as slips with QR codes.</summary>
public sealed class EvaluationCodesPage(IPage page, CultureInfo culture)
{
    public async Task<IReadOnlyList<string>> IssueAsync(int count)
    {
        await page.Locator("#count").FillAsync(BrowserApp.Invariant(count));
        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<CampaignText>("Codes.Issue", culture), Exact = true }).ClickAsync();
        var slips = page.Locator("article.slip");
        await Assertions.Expect(slips).ToHaveCountAsync(count);
        return await page.Locator("article.slip .slip-code").AllInnerTextsAsync();
    }
}

/// <summary>/public/evaluations/{groupId}: the static evaluation form (no JavaScript needed).</summary>
public sealed class EvaluationFormPage(IPage page, CultureInfo culture)
{
    public ILocator Receipt => page.Locator("[data-receipt]");

    /// <summary>"This code has already been used": a reused code is told so, not refused as unknown.</summary>
    public ILocator AlreadyUsed => page.Locator("[data-outcome=used]");

    /// <summary>One rating item of one subject (a fieldset per dimension, inside the subject's fieldset).</summary>
    public ILocator Items => page.Locator("fieldset.vote-candidate");

    public async Task<EvaluationFormPage> OpenAsync(int groupId)
    {
        await page.GotoAsync($"public/evaluations/{BrowserApp.Invariant(groupId)}");
        return this;
    }

    /// <summary>Types the code, rates every item with the given scale label, and submits.</summary>
    public async Task AnswerAsync(string code, string rating)
    {
        await page.GetByLabel(Ui.Text<EvaluationVotingText>("Form.Code", culture)).FillAsync(code);
        var items = await Items.AllAsync();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            await item.GetByRole(AriaRole.Radio, new() { Name = rating, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<EvaluationVotingText>("Form.Submit", culture), Exact = true }).ClickAsync();
    }
}
