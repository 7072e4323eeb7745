using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Delegates;
using Dangjian.Web.Features.Delegates.Duties;
using Dangjian.Web.Features.Meetings.Matters;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Mine;

/// <summary>
/// The sections issue 17 added to /me, on a phone (375 × 812): the demo <c>member</c>, who holds a delegate's seat, finds
/// their delegate activities and the 质询/罢免 they signed or may co-sign (each as the app's own queries list them for that
/// account, or the section's empty line); the demo <c>secretary</c>, who sits on their branch's team, finds the matters
/// raised on it. Nothing scrolls sideways.
/// </summary>
public sealed class MineSectionsTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Member = "member";

    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public Task Member_AtPhoneWidth_SeesTheirDelegateActivitiesAndMotions() => RunAsync(Phone, async page =>
    {
        var activities = await App.AsUserAsync(Member, sp => sp.GetRequiredService<ActivityQueries>().MineAsync());
        var motions = await App.AsUserAsync(Member, sp => sp.GetRequiredService<MotionQueries>().MineAsync());

        await new LoginPage(page).SignInAsync(Member);
        await Interactive.GotoAsync(page, "me");
        var me = new MinePage(page, Ui.Zh);
        await Expect(me.Title).ToBeVisibleAsync();

        var activitySection = me.Section("me-activities");
        await Expect(activitySection.GetByRole(AriaRole.Heading, new() { Name = Text("MyActivities"), Level = 2 })).ToBeVisibleAsync();
        await Expect(me.Activities).ToHaveCountAsync(activities.Count);
        if (activities.Count == 0)
        {
            await Expect(me.Empty("activities")).ToHaveTextAsync(Text("MyActivitiesNone"));
        }
        else
        {
            Assert.Equal(activities.Select(a => a.Id), await MinePage.IdsAsync(me.Activities, "data-my-activity"));
            await Expect(me.Activities.First).ToContainTextAsync(activities[0].Subject);
        }

        var motionSection = me.Section("me-motions");
        await Expect(motionSection.GetByRole(AriaRole.Heading, new() { Name = Text("MyMotions"), Level = 2 })).ToBeVisibleAsync();
        await Expect(me.Motions).ToHaveCountAsync(motions.Count);
        if (motions.Count == 0)
        {
            await Expect(me.Empty("motions")).ToHaveTextAsync(Text("MyMotionsNone"));
        }
        else
        {
            Assert.Equal(motions.Select(m => m.Id), await MinePage.IdsAsync(me.Motions, "data-my-motion"));
        }

        // The form to file a motion sits in the section too; neither it nor the lists push the page past the screen.
        await Expect(motionSection.GetByRole(AriaRole.Heading, new() { Name = Text("FileMotion"), Level = 3 })).ToBeVisibleAsync();
        Assert.False(await me.ScrollsSidewaysAsync(), "/me scrolls sideways at 375 px");
        Assert.Equal(0, await PageLayout.OverflowAsync(page, "[role=region][aria-labelledby=me-motions]"));
        await PageLayout.ShotAsync(page, "me-duties-phone");
    });

    [Fact]
    public Task Secretary_AtPhoneWidth_SeesTheMattersOfTheirTeam() => RunAsync(Phone, async page =>
    {
        var mine = await App.AsUserAsync(DemoFacts.Secretary, sp => sp.GetRequiredService<MatterQueries>().MineAsync());
        Assert.NotEmpty(mine.Teams);

        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        await Interactive.GotoAsync(page, "me");
        var me = new MinePage(page, Ui.Zh);
        await Expect(me.Title).ToBeVisibleAsync();

        var section = me.Section("me-matters");
        await Expect(section.GetByRole(AriaRole.Heading, new() { Name = Ui.Text<MatterText>("MyMatters", Ui.Zh), Level = 2 })).ToBeVisibleAsync();
        await Expect(me.Matters).ToHaveCountAsync(mine.Matters.Count);
        if (mine.Matters.Count == 0)
        {
            await Expect(me.Empty("matters")).ToHaveTextAsync(Ui.Text<MatterText>("MyMattersNone", Ui.Zh));
        }
        else
        {
            Assert.Equal(mine.Matters.Select(m => m.Id), await MinePage.IdsAsync(me.Matters, "data-matter"));
            await Expect(me.Matters.First).ToContainTextAsync(mine.Matters[0].Title);
        }

        Assert.False(await me.ScrollsSidewaysAsync(), "/me scrolls sideways at 375 px");
        Assert.Equal(0, await PageLayout.OverflowAsync(page, "[role=region][aria-labelledby=me-matters]"));
        await PageLayout.ShotAsync(page, "me-matters-phone");
    });

    private static string Text(string key) => Ui.Text<DelegatesText>(key, Ui.Zh);
}
