using System.Globalization;
using Dangjian.Domain.Reminders;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Reminders;

namespace Dangjian.E2E.Pages;

/// <summary>
/// Reminders in the browser: the staff outbox page /reminders (the list of an organization's subtree, planning now after
/// a confirmation) and the member's own channels in the 我的提醒 section of /me.
/// </summary>
public sealed class RemindersPages(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Text("Title"));

    /// <summary>The list's heading, "提醒列表 · {total}".</summary>
    public ILocator OutboxHeading => Page.GetByRole(AriaRole.Heading, new() { Name = $"{Text("Outbox")} · ", Level = 2 });

    /// <summary>The outbox table's rows (one per message on the page; the MudTable carries its label on its outer box).</summary>
    public ILocator Rows => Page.Locator($"[aria-label=\"{Text("Outbox")}\"] table tbody tr");

    /// <summary>The line shown when the list is empty.</summary>
    public ILocator Empty => Page.Locator("[data-empty=\"outbox\"]");

    public ILocator Snackbar => Page.Locator(".mud-snackbar");

    /// <summary>Plans now: the button, then the confirmation dialog's button.</summary>
    public async Task PlanAsync()
    {
        await Page.Locator("[data-action=\"plan\"]").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Text("PlanNow"), Exact = true }).ClickAsync();
    }

    /// <summary>The line of /reminders that says whether a channel is set up on this installation.</summary>
    public ILocator Channel(ReminderChannel channel) => Page.Locator($"[data-channel=\"{channel}\"]");

    /// <summary>The note under a channel's switch on /me when this installation cannot send on it.</summary>
    public ILocator Unavailable(ReminderChannel channel) => Mine.Locator($"[data-unavailable=\"{channel}\"]");

    /// <summary>The 我的提醒 section of /me.</summary>
    public ILocator Mine => Page.Locator("[role=region][aria-labelledby=\"me-reminders\"]");

    public ILocator MyEmail => Mine.GetByLabel(Text("Mine.Email"));

    public ILocator MyEmailOn => Mine.GetByRole(AriaRole.Checkbox, new() { Name = Text("Mine.EmailOn") });

    public ILocator MyRobotOn => Mine.GetByRole(AriaRole.Checkbox, new() { Name = Text("Mine.RobotOn") });

    /// <summary>Saves the section's form.</summary>
    public Task SaveMineAsync() => Mine.Locator("[data-action=\"save-reminders\"]").ClickAsync();

    public string Text(string key) => Ui.Text<ReminderText>(key, Culture);

    public string Format(string key, params object[] args) => Ui.Format<ReminderText>(key, Culture, args);
}
