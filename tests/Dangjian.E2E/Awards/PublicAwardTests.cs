using Dangjian.Domain.Awards;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages.Awards;
using Dangjian.Web.Features.Awards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Awards;

/// <summary>
/// 评先评优公示 (EVA-11) on a phone (375 × 812): township A's selection for a new branch is publicized (its steps run through
/// the app's own commands as township A's admin); a visitor with no account opens its public page, sees the chosen member,
/// picks them and files an objection: the confirmation shows, nothing scrolls sideways, staff find the objection with no
/// name, and the audit log holds nothing of it.
/// </summary>
public sealed class PublicAwardTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public Task Visitor_AtPhoneWidth_FilesAnObjection_AndSeesTheConfirmation() => RunAsync(Phone, async page =>
    {
        var (id, nominee) = await PublicizedSelectionAsync();
        // A hex tail right after Chinese text, as other tests' data: the English page scan reads it as data.
        var text = "反映该同志去年村务公开不及时群众意见较大" + Guid.NewGuid().ToString("N")[..6];

        var award = await new AwardPublicityPage(page, Ui.Zh).OpenAsync(App.BaseUrl, id);
        await Expect(award.Chosen(nominee)).ToBeVisibleAsync();
        Assert.Equal(0, await PageLayout.OverflowAsync(page, "body"));
        await award.ObjectAsync(nominee, text);

        await Expect(award.Accepted).ToBeVisibleAsync();
        await Expect(award.Accepted).ToHaveTextAsync(award.Text("Public.Thanks"));
        Assert.Equal(0, await PageLayout.OverflowAsync(page, "body"));
        await PageLayout.ShotAsync(page, "award-objection-phone");

        var view = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<AwardQueries>().GetAsync(id));
        var objection = Assert.Single(view.Objections);
        Assert.Equal((text, null, nominee), (objection.Text, objection.FiledBy, objection.NomineeName));
        Assert.False(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.After != null && a.After.Contains(text))));
    });

    /// <summary>A selection of a new branch of township A with one member chosen, in its publicity period from today.</summary>
    private async Task<(int Id, string Nominee)> PublicizedSelectionAsync()
    {
        var township = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).Root().Id;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (branch, person, name) = await App.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.FirstAsync(o => o.Id == township);
            var org = new Organization { Code = "PAW" + tag.ToUpperInvariant(), Name = "公示测试支部" + tag, Kind = OrganizationKind.Branch, ParentId = township, Path = parent.Path };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = OrganizationTree.PathOf(parent.Path, org.Id);
            var p = new Person { Name = "陈明" + tag, Gender = Gender.Male, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2012, 7, 1), OrganizationId = org.Id };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return (org.Id, p.Id, p.Name);
        });

        var year = OrgToday.Value.Year - 1;
        var id = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var c = sp.GetRequiredService<AwardCommands>();
            var s = await c.OpenAsync(new OpenSelectionRequest(branch, year, $"{year}年度优秀共产党员评选{tag}", 0, 1, 0));
            s = await c.NominateAsync(s.Id, new NominateRequest(AwardCategory.ExcellentMember, person, null, "第一党小组", "带头参加防汛抢险，帮扶困难户三户", s.Version));
            s = await c.CheckAsync(s.Id, new SelectionStepRequest(s.Version));
            s = await c.DecideAsync(s.Id, new DecideRequest([s.Nominations[0].Id], s.Version));
            s = await c.PublicizeAsync(s.Id, new PublicizeAwardRequest(null, s.Version));
            return s.Id;
        });
        return (id, name);
    }
}
