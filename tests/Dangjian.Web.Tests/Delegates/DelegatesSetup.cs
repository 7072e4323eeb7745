using System.Net;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Delegates;
using Dangjian.Web.Features.Delegates.Roster;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;

namespace Dangjian.Web.Tests.Delegates;

/// <summary>A delegate of a test's own: their person, their name and a client signed in as them (a member's account).</summary>
public sealed record TestDelegate(int PersonId, string Name, HttpClient Client);

/// <summary>
/// A congress term of a test's own under township A (orgadmin.a's), a branch whose members are its delegates (each with an
/// account of their own), a member of the branch who is no delegate, and a second branch to hand proposals to.
/// </summary>
public sealed record DelegatesFixture(int Township, int Branch, int HandlingBranch, int TermId, int DelegationId, IReadOnlyList<TestDelegate> Delegates, TestDelegate NonDelegate);

public static class DelegatesSetup
{
    public const string Route = DelegatesEndpoints.Route;

    public static async Task<DelegatesFixture> DelegatesFixtureAsync(this AppFixture app, int delegates = 4, string? onOrganization = null)
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var parent = await app.NewOrganizationAsync(t.A, Domain.Organizations.OrganizationKind.GeneralBranch);
        var branch = await app.NewOrganizationAsync(parent);
        var handling = await app.NewOrganizationAsync(parent);
        var people = new List<TestDelegate>();
        for (var i = 0; i <= delegates; i++)
        {
            people.Add(await app.NewMemberWithAccountAsync(admin, branch, "代表" + "甲乙丙丁戊己庚辛"[i % 8]));
        }

        // The term belongs to the general branch the test made, so no other test's term shares its number.
        var term = await (await admin.PostJsonAsync(Route + "/terms", new OpenTermRequest(parent, 1, new DateOnly(2024, 1, 1), null))).ReadAsync<CongressTermView>();
        var delegation = await (await admin.PostJsonAsync($"{Route}/terms/{term.Id}/delegations", new FormDelegationRequest("第一代表团", branch))).ReadAsync<DelegationView>();
        foreach (var d in people.Take(delegates))
        {
            var seated = await admin.PostJsonAsync($"{Route}/terms/{term.Id}/seats", new SeatDelegateRequest(delegation.Id, d.PersonId, null));
            Assert.True(seated.StatusCode == HttpStatusCode.OK, string.Join("\n", app.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(l => l.Text).TakeLast(2)));
        }

        return new DelegatesFixture(t.A, branch, handling, term.Id, delegation.Id, people.Take(delegates).ToList(), people[^1]);
    }

    /// <summary>A full member of the organization with a member's account linked to them.</summary>
    public static async Task<TestDelegate> NewMemberWithAccountAsync(this AppFixture app, HttpClient admin, int organizationId, string prefix)
    {
        var name = prefix + Demo.UniqueCode("");
        var person = await app.WithDbAsync(async db =>
        {
            var p = new Person
            {
                Name = name, Gender = Gender.Male, BirthDate = new DateOnly(1980, 3, 1), Status = MemberStatus.Full,
                JoinedPartyOn = new DateOnly(2005, 7, 1), OrganizationId = organizationId,
            };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var userName = Demo.UniqueCode("del.").ToLowerInvariant();
        var account = await admin.PostJsonAsync("/api/v1/accounts", new CreateAccountRequest(
            userName, name, "pw" + Guid.NewGuid().ToString("N")[..12] + "7q", person, [new GrantRequest(AccountRole.Member, organizationId)]));
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        return new TestDelegate(person, name, await app.ClientForAsync(userName));
    }
}
