using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Supervision.Reports;

namespace Dangjian.E2E.Pages.Supervision;

/// <summary>/public/report: the public report box — find the organization, say whom the report is about, file it, read the slip.</summary>
public sealed class ReportBoxFormPage(IPage page, CultureInfo culture)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.Locator("main.rpt-public");

    public ILocator CaseNumber => Page.Locator("[data-case-number]");

    public ILocator Secret => Page.Locator("[data-secret]");

    public async Task<ReportBoxFormPage> OpenAsync(Uri baseUrl)
    {
        await Page.GotoAsync($"{baseUrl}public/report");
        return this;
    }

    /// <summary>Finds the organization by name (a GET form: the page reloads with the matching organizations) and picks it.</summary>
    public async Task ChooseOrganizationAsync(string name, int id)
    {
        await Page.GetByLabel(Ui.Text<ReportText>("Public.Search", culture)).FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ReportText>("Public.FindSubmit", culture), Exact = true }).ClickAsync();
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Report.Organization", culture)).SelectOptionAsync(BrowserApp.Invariant(id));
    }

    public async Task FileAboutCadreAsync(string cadre, string content)
    {
        await Page.GetByLabel(Ui.Text<ReportText>("ReportSubjectKind.Cadre", culture), new() { Exact = true }).CheckAsync();
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Report.CadreName", culture)).FillAsync(cadre);
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Report.Content", culture)).FillAsync(content);
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ReportText>("Public.Submit", culture) }).ClickAsync();
    }
}

/// <summary>/public/report/follow: following a case with its number and secret.</summary>
public sealed class ReportBoxFollowPage(IPage page, CultureInfo culture)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.Locator("main.rpt-public");

    public ILocator Status => Page.Locator("strong[data-status]");

    public ILocator Answers => Page.Locator("[data-answer]");

    public async Task<ReportBoxFollowPage> OpenAsync(Uri baseUrl)
    {
        await Page.GotoAsync($"{baseUrl}public/report/follow");
        return this;
    }

    public async Task FollowAsync(string caseNumber, string secret)
    {
        await Page.GetByLabel(Ui.Text<ReportText>("Public.CaseNumber", culture)).FillAsync(caseNumber);
        await Page.GetByLabel(Ui.Text<ReportText>("Public.Secret", culture)).FillAsync(secret);
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ReportText>("Follow.Submit", culture), Exact = true }).ClickAsync();
    }
}
