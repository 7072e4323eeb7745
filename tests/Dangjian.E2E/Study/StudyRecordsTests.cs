using Dangjian.Domain.Study;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Study;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Study;

/// <summary>
/// Study records (STU-1) in the browser: the branch secretary approves a record waiting in the queue, enters a central
/// group session on theory for a person of the branch (its credits, by content, shown), and imports a file; the demo member enters their own
/// self-study on /me, where it waits for approval.
/// </summary>
public sealed class StudyRecordsTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Member = "member";

    [Fact]
    public Task Secretary_ApprovesEntersAndImports_TheMemberEntersTheirOwnOnMe() => RunAsync(async (clerk, member) =>
    {
        var branch = await App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == DemoFacts.Secretary).Select(x => x.OrganizationId).FirstAsync());
        var path = await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == branch).Select(o => o.Path).FirstAsync());
        var waiting = await App.WithDbAsync(db => db.StudyRecords
            .Where(r => r.Status == StudyRecordStatus.Pending && db.Organizations.Any(o => o.Id == r.OrganizationId && o.Path.StartsWith(path)))
            .OrderByDescending(r => r.Date ?? r.To).ThenByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
        var person = await App.WithDbAsync(db => db.People.Where(p => p.OrganizationId == branch && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Name).FirstAsync());
        var topic = $"浏览器中心组{Guid.NewGuid():N}"[..16];
        var today = OrgToday.Value;

        await new LoginPage(clerk).SignInAsync(DemoFacts.Secretary);
        var study = new StudyRecordPages(clerk, Ui.Zh);
        await study.OpenAsync(branch);

        await study.Queue.Locator($"tr[data-record=\"{BrowserApp.Invariant(waiting)}\"]").GetByRole(AriaRole.Button, new() { Name = study.Text("Approve") }).ClickAsync();
        await Expect(study.Queue.Locator($"tr[data-record=\"{BrowserApp.Invariant(waiting)}\"]")).ToHaveCountAsync(0);
        Assert.Equal(StudyRecordStatus.Approved, await App.WithDbAsync(db => db.StudyRecords.Where(r => r.Id == waiting).Select(r => r.Status).FirstAsync()));

        // Classified as theory (学习内容): 2.5 central-group hours earn 2.5 × 1.5 credits, shown beside the category.
        await study.EnterSessionAsync(person, study.Text("Kind.CentralGroup"), today, 2.5m, topic, null, study.Text("Content.Theory"));
        var row = clerk.Locator("tr[data-record]").Filter(new() { HasText = topic });
        await Expect(row).ToContainTextAsync("3.75");
        await Expect(row.Locator("[data-content=\"Theory\"]")).ToHaveTextAsync(study.Text("Content.Theory"));
        Assert.Equal(StudyRecordStatus.Approved, await App.WithDbAsync(db => db.StudyRecords.Where(r => r.Topic == topic).Select(r => r.Status).FirstAsync()));

        using var file = new MemoryStream();
        await file.SaveAsAsync(new[] { new Dictionary<string, object?> { ["姓名"] = person, ["类型"] = "集中学习培训", ["日期"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["学时"] = "8", ["主题"] = topic + "导入" } });
        await study.UploadAsync(file.ToArray());
        await Expect(study.ImportResult).ToContainTextAsync(study.Format("Imported", 1));
        Assert.Equal(1, await App.WithDbAsync(db => db.StudyRecords.CountAsync(r => r.Topic == topic + "导入")));

        var notes = $"浏览器自学{Guid.NewGuid():N}"[..14];
        await new LoginPage(member).SignInAsync(Member);
        await Interactive.GotoAsync(member, "me");
        var mine = new StudyRecordPages(member, Ui.Zh);
        await Expect(mine.MyStudy).ToBeVisibleAsync();
        await mine.EnterSessionAsync(null, mine.Text("Kind.SelfStudy"), today, 1.5m, null, notes);
        await Expect(mine.MyStudy.Locator("tr[data-record]").Filter(new() { HasText = notes })).ToContainTextAsync(mine.Text("Status.Pending"));
    });
}
