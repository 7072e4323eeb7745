using System.Net;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Dues;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Dues;

/// <summary>
/// The dues pages as the server prerenders them (HTML-decoded): the person page's dues profile with its history and the
/// clerk's form, the township's ledger grouped by branch with its reminders, and the printed 催缴通知 per branch.
/// </summary>
public abstract class DuesPageTests(AppFixture app)
{
    private const string Route = DuesEndpoints.Route;

    [Fact]
    public async Task PersonPage_ShowsTheDuesProfileHistory_AndTheClerksForm_NotToAnotherTownship()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var member = await MemberAsync(t.BranchOfA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(member, DuesCategory.Salaried, 4200m, null, "2024-01", null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(member, DuesCategory.Retired, 6000m, null, "2024-07", null))).StatusCode);

        var html = await PageAsync(Demo.OrgAdminA, $"/people/{member}");

        Assert.Contains("data-section=\"person-dues\"", html, StringComparison.Ordinal);
        Assert.Contains("data-profile=\"2024-07\"", html, StringComparison.Ordinal);
        Assert.Contains("data-profile=\"2024-01\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("data-profile=\"2024-07\"", StringComparison.Ordinal) < html.IndexOf("data-profile=\"2024-01\"", StringComparison.Ordinal));
        Assert.Contains("60.00", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"set-dues-profile\"", html, StringComparison.Ordinal);

        var resident = await MemberAsync(t.BranchOfA, MemberStatus.Resident);
        Assert.DoesNotContain("person-dues", await PageAsync(Demo.OrgAdminA, $"/people/{resident}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownshipLedger_GroupsItsBranches_ListsReminders_AndPrintsANoticePerBranch()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var member = await MemberAsync(t.BranchOfA);
        var name = await app.WithDbAsync(db => db.People.Where(p => p.Id == member).Select(p => p.Name).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(member, DuesCategory.Salaried, 4200m, null, "2023-01", null))).StatusCode);

        var ledger = await PageAsync(Demo.OrgAdminA, $"/dues?organizationId={t.A}&from=2023-01&to=2023-06");
        Assert.Contains($"data-dues-group=\"{t.BranchOfA}\"", ledger, StringComparison.Ordinal);
        Assert.Contains($"data-reminder=\"{member}\" data-flagged=\"true\"", ledger, StringComparison.Ordinal);

        var print = await PageAsync(Demo.OrgAdminA, $"/dues/reminders/print?organizationId={t.A}&from=2023-01&to=2023-06");
        Assert.Contains($"data-notice=\"{t.BranchOfA}\"", print, StringComparison.Ordinal);
        Assert.Contains("党费催缴通知", print, StringComparison.Ordinal);
        Assert.Contains(name, print, StringComparison.Ordinal);
        Assert.Contains("252.00", print, StringComparison.Ordinal);
        Assert.Contains("第九条", print, StringComparison.Ordinal);

        var refused = await PageAsync(Demo.OrgAdminB, $"/dues/reminders/print?organizationId={t.A}&from=2023-01&to=2023-06");
        Assert.Contains("data-refused", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(name, refused, StringComparison.Ordinal);
    }

    private async Task<int> MemberAsync(int branch, MemberStatus status = MemberStatus.Full) => await app.WithDbAsync(async db =>
    {
        var person = new Person
        {
            Name = "页面交费人" + Demo.UniqueCode(""), Gender = Gender.Female, Status = status,
            JoinedPartyOn = status == MemberStatus.Resident ? null : new DateOnly(2001, 7, 1), OrganizationId = branch,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private async Task<string> PageAsync(string userName, string path)
    {
        var client = await app.SignInAsync(userName);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DuesPageSqliteTests(SqliteApp app) : DuesPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DuesPagePostgresTests(PostgresApp app) : DuesPageTests(app);
