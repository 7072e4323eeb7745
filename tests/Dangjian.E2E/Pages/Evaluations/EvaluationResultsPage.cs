using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Evaluations.Results;

namespace Dangjian.E2E.Pages.Evaluations;

/// <summary>/evaluations/{id}/results: charts, results table, actions, objections; and the public 公示 page.</summary>
public sealed class EvaluationResultsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator DistributionChart => Page.Locator("[data-chart=distribution]");

    public ILocator GradeChart => Page.Locator("[data-chart=grades]");

    public ILocator PublicLink => Page.Locator("[data-public-link]");

    public ILocator Objection(string text) => Page.Locator("[data-objection]").Filter(new() { HasText = text });

    public Task OpenAsync(int campaignId) => Interactive.GotoAsync(Page, $"evaluations/{BrowserApp.Invariant(campaignId)}/results");

    public async Task<string> PublicizeAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ResultsText>("Publicize", Ui.Zh), Exact = true }).ClickAsync();
        await Assertions.Expect(PublicLink).ToBeVisibleAsync();
        return (await PublicLink.GetAttributeAsync("data-public-link"))!;
    }

    public async Task AnswerAsync(string objectionText, string answer)
    {
        var item = Objection(objectionText);
        await item.GetByLabel(Ui.Text<RuleText>("Field.Evaluation.Answer", Ui.Zh)).FillAsync(answer);
        await item.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ResultsText>("Answer", Ui.Zh), Exact = true }).ClickAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-answered", "true");
    }

    public async Task<IDownload> ExportAsync() =>
        await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<UiText>("Export", Ui.Zh) }).And(Page.Locator("[data-action=export]")).ClickAsync());

    /// <summary>Files an objection on the public page (static form, no script needed).</summary>
    public static async Task FileObjectionAsync(IPage phone, string path, string text)
    {
        await phone.GotoAsync(path.TrimStart('/'));
        await phone.GetByLabel(Ui.Text<RuleText>("Field.Evaluation.ObjectionText", Ui.Zh)).FillAsync(text);
        await phone.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ResultsText>("Public.Submit", Ui.Zh) }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-outcome=accepted]")).ToBeVisibleAsync();
    }
}
