using System.Globalization;
using Dangjian.Domain.Surveys;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Surveys;

namespace Dangjian.E2E.Pages.Surveys;

/// <summary>/surveys: the list and the form that starts a new draft, which then opens on its own page.</summary>
public sealed class SurveysPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public async Task<SurveysPage> OpenAsync()
    {
        await Interactive.GotoAsync(Page, "surveys");
        return this;
    }

    /// <summary>Fills the new-survey form (organization picked by name, access by its label) and saves; waits for the draft's page.</summary>
    public async Task<SurveyPage> CreateAsync(string organization, string title, SurveyAccess access)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SurveyText>("New", Culture), Exact = true }).ClickAsync();
        await Ui.PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<RuleText>("Field.Organization", Culture) }).First, organization);
        var accessSelect = Page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<RuleText>("Field.Survey.Access", Culture) }).First;
        await accessSelect.ClickAsync();
        var accessLabel = Ui.Text<EnumText>($"SurveyAccess.{access}", Culture);
        await Page.GetByRole(AriaRole.Option, new() { Name = accessLabel, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Survey.Title", Culture)).FillAsync(title);
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Save", Culture), Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        return new SurveyPage(Page, Culture);
    }
}

/// <summary>/surveys/{id}: a survey's questions (built while a draft), its progress while open, its statistics once closed.</summary>
public sealed class SurveyPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Status => Page.Locator("[data-status]").First;

    public ILocator Questions => Page.Locator("[data-question]");

    /// <summary>The form below the list that adds (or edits) a question.</summary>
    public ILocator QuestionForm => Page.Locator("[aria-labelledby=question-form-h]");

    public ILocator Statistics => Page.Locator("[data-statistics=true]");

    public ILocator Charts => Page.Locator("[data-chart] svg");

    public ILocator Refused => Page.Locator("[data-refused=true]");

    public ILocator CodesLink => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<SurveyText>("PrintCodes", Culture) });

    public async Task<SurveyPage> OpenAsync(int id)
    {
        await Interactive.GotoAsync(Page, $"surveys/{BrowserApp.Invariant(id)}");
        return this;
    }

    /// <summary>Adds a question through the form below the list; choice options one a line; waits for it to be listed.</summary>
    public async Task AddQuestionAsync(QuestionKind kind, string text, IReadOnlyList<string>? options = null, int? scale = null)
    {
        var before = await Questions.CountAsync();
        var kindSelect = Page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<SurveyText>("Question.Kind", Culture) }).First;
        await kindSelect.ClickAsync();
        var kindLabel = Ui.Text<EnumText>($"QuestionKind.{kind}", Culture);
        await Page.GetByRole(AriaRole.Option, new() { Name = kindLabel, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await Assertions.Expect(kindSelect.Locator("xpath=ancestor::*[contains(@class,'mud-select')][1]")).ToContainTextAsync(kindLabel);
        // The form the last question was saved from starts clean: no "required" message under its cleared fields.
        await Assertions.Expect(Ui.FieldErrors(QuestionForm)).ToHaveCountAsync(0);
        await Page.GetByLabel(Ui.Text<SurveyText>("Question.Text", Culture), new() { Exact = true }).FillAsync(text);
        if (options is not null)
        {
            await Page.GetByLabel(Ui.Text<SurveyText>("Question.Options", Culture)).FillAsync(string.Join("\n", options));
        }

        if (scale is { } s)
        {
            await Page.GetByLabel(Ui.Text<SurveyText>("Question.Scale", Culture)).FillAsync(BrowserApp.Invariant(s));
        }

        await Page.Locator("#question-save").ClickAsync();
        await Assertions.Expect(Questions).ToHaveCountAsync(before + 1);
        await Assertions.Expect(Questions.Last).ToContainTextAsync(text);
    }

    /// <summary>Publishes the draft after the confirmation.</summary>
    public async Task OpenSurveyAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SurveyText>("Open", Culture), Exact = true }).ClickAsync();
        await ConfirmAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", nameof(SurveyStatus.Open));
    }

    /// <summary>Ends the survey after the confirmation.</summary>
    public async Task CloseSurveyAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SurveyText>("Close", Culture), Exact = true }).ClickAsync();
        await ConfirmAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", nameof(SurveyStatus.Closed));
    }

    public ILocator Responses => Page.Locator("[data-responses]");

    private async Task ConfirmAsync()
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SurveyText>("Confirm", Culture), Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }
}

/// <summary>/surveys/{id}/codes: a static page that issues one-time codes and shows them once, as slips.</summary>
public sealed class SurveyCodesPage(IPage page, CultureInfo culture)
{
    public ILocator Issued => page.Locator("[data-codes-issued]");

    /// <summary>Issues a batch and reads the codes off the slips, as printed (ABCDE-FGHJK).</summary>
    public async Task<IReadOnlyList<string>> IssueAsync(int count)
    {
        await page.GetByLabel(Ui.Text<SurveyText>("Codes.Count", culture)).FillAsync(BrowserApp.Invariant(count));
        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SurveyText>("Codes.Issue", culture), Exact = true }).ClickAsync();
        var slips = page.Locator("article.slip");
        await Assertions.Expect(slips).ToHaveCountAsync(count);
        return await page.Locator("article.slip .slip-code").AllInnerTextsAsync();
    }
}

/// <summary>/public/surveys/{id}: the respondent's form, plain HTML that works without JavaScript.</summary>
public sealed class PublicSurveyPage(IPage page, CultureInfo culture)
{
    public ILocator Accepted => page.Locator("[data-outcome=accepted]");

    /// <summary>"This code has already been used": a reused code is told so, not refused as unknown.</summary>
    public ILocator AlreadyUsed => page.Locator("[data-outcome=used]");

    public ILocator Closed => page.Locator("[data-outcome=closed]");

    public async Task<PublicSurveyPage> OpenAsync(int id)
    {
        await page.GotoAsync($"public/surveys/{BrowserApp.Invariant(id)}");
        return this;
    }

    public async Task<PublicSurveyPage> OpenLinkAsync(string link)
    {
        await page.GotoAsync(link);
        return this;
    }

    /// <summary>A question's box, found by its text (its legend reads "1. text *").</summary>
    public ILocator Question(string text) => page.GetByRole(AriaRole.Group).Filter(new() { HasText = text });

    public async Task FillCodeAsync(string code) =>
        await page.GetByLabel(Ui.Text<SurveyText>("Public.Code", culture)).FillAsync(code);

    public async Task PickAsync(string question, string option) =>
        await Question(question).GetByLabel(option, new() { Exact = true }).CheckAsync();

    public async Task WriteAsync(string question, string text) =>
        await Question(question).Locator("textarea").FillAsync(text);

    public async Task SubmitAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SurveyText>("Public.Submit", culture), Exact = true }).ClickAsync();
}

/// <summary>
/// The 满意度测评 card on a target's page (a meeting, a democratic life meeting, an election project, an evaluation
/// campaign): data-satisfaction is the survey's id, or "none" before one is made.
/// </summary>
public sealed class SatisfactionCardPart(IPage page, CultureInfo culture, SurveyTargetKind kind)
{
    public ILocator Card => page.Locator($"[data-target-kind={kind}][data-satisfaction]");

    public ILocator Heading => Card.GetByRole(AriaRole.Heading, new() { Name = Ui.Text<SurveyText>($"Satisfaction.Card.{kind}", culture), Exact = true });

    /// <summary>Starts a vote with one-time codes, in one click.</summary>
    public Task StartWithCodesAsync() =>
        Card.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SurveyText>("Satisfaction.CreateCodes", culture), Exact = true }).ClickAsync();
}
