using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Supervision;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Awards;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Awards;

/// <summary>
/// 评先评优 (EVA-11) in the browser: an admin of township A opens a selection for a new branch, nominates a member who
/// carries an open rectification notice and one who does not, runs the eligibility check, and sees the first refused with
/// the reason in words and the second eligible.
/// </summary>
public sealed class AwardSelectionTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task ASelection_RefusesAFlaggedNominee_WithTheReasonShown() => RunAsync(async page =>
    {
        var (branchName, warned, clean) = await SetUpAsync();
        var year = OrgToday.Value.Year - 1;
        var title = $"{year}年度\"两优一先\"" + branchName;

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var awards = new AwardPages(page, Ui.Zh);
        await awards.OpenSelectionAsync(branchName, title);
        await awards.NominatePersonAsync(warned, "第一党小组", "带头参加志愿服务");
        await awards.NominatePersonAsync(clean, "第二党小组", "帮扶困难群众");
        await awards.CheckAsync();

        await Expect(awards.Status).ToHaveAttributeAsync("data-status", "Checked");
        await Expect(awards.Eligibility(warned)).ToHaveAttributeAsync("data-eligibility", "Refused");
        await Expect(awards.Reasons(warned)).ToHaveTextAsync([awards.Rule("Award.Refused.OpenNotice", "1")]);
        await Expect(awards.Eligibility(clean)).ToHaveAttributeAsync("data-eligibility", "Eligible");
        await Expect(awards.Reasons(clean)).ToHaveCountAsync(0);
    });

    private async Task<(string Branch, string Warned, string Clean)> SetUpAsync()
    {
        var township = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).Root().Id;
        var tag = Guid.NewGuid().ToString("N")[..6];
        return await App.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.FirstAsync(o => o.Id == township);
            var branch = new Organization { Code = "AWD" + tag.ToUpperInvariant(), Name = "评优测试支部" + tag, Kind = OrganizationKind.Branch, ParentId = township, Path = parent.Path };
            db.Organizations.Add(branch);
            await db.SaveChangesAsync();
            branch.Path = OrganizationTree.PathOf(parent.Path, branch.Id);
            var people = new[] { "整改未销号" + tag, "表现良好" + tag }.Select(n => new Person
            {
                Name = n, Gender = Gender.Female, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2010, 7, 1), OrganizationId = branch.Id,
            }).ToArray();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            db.RectificationNotices.Add(RectificationNotice.Issue(
                township, NoticeTargetKind.Cadre, people[0].Id, "工作作风不实，群众反映办事拖沓", "群众来信", OrgToday.Value.AddDays(30), "纪委", OrgToday.Value, OrgToday.Value));
            await db.SaveChangesAsync();
            return (branch.Name, people[0].Name, people[1].Name);
        });
    }
}
