using System.Globalization;
using System.Net;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Accounts;

/// <summary>
/// ORG-5 accounts and sign-in: the sign-in form's one answer for unknown and known names, waits after failed sign-ins
/// per address and the admin's unlock, antiforgery, account creation and token rules within scope (who may issue a
/// token, and how calls with an admin's token are logged), members reading only themselves, the audit log's readers,
/// and that no password, token or hash reaches the audit log or the logs (ORG-7).
/// Every test makes its own accounts, so demo accounts others sign in with are never held back.
/// </summary>
public abstract partial class AccountTests(AppFixture app)
{
    private const string AuthCookie = "dangjian.auth=";

    [Fact]
    public async Task SignIn_WrongPassword_ShowsFailedAndGivesNoCookie()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.Member, t.BranchOfA);
        var client = CookieClient();

        var wrong = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password + "x"));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(Text("Failed"), await HtmlAsync(wrong), StringComparison.Ordinal);
        Assert.False(SetsAuthCookie(wrong));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var right = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password));

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), right.Headers.Location!).AbsolutePath);
        Assert.True(SetsAuthCookie(right));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownNameAndKnownName_GetTheSameAnswers_AlsoAfterManyFailures()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.Member, t.BranchOfA);
        var unknown = Demo.UniqueCode("nobody.");
        var known = CookieClient("10.20.0.1");
        var stranger = CookieClient("10.20.0.2");

        // Past the free failures, where a lockout used to tell real accounts apart.
        for (var i = 1; i <= 7; i++)
        {
            var forKnown = await known.PostAsync("/account/login", await Http.LoginFormAsync(known, account.UserName, $"wrong-{i}-password"));
            var forUnknown = await stranger.PostAsync("/account/login", await Http.LoginFormAsync(stranger, unknown, $"wrong-{i}-password"));

            Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
            var (knownPage, unknownPage) = (await HtmlAsync(forKnown), await HtmlAsync(forUnknown));
            Assert.Equal(SamePage(knownPage, account.UserName), SamePage(unknownPage, unknown));
            Assert.Equal(Alert(knownPage), Alert(unknownPage));
            Assert.Equal(i <= 5 ? AlertOf("Failed") : AlertOf("Throttled", SignInFirstDelaySeconds), Alert(knownPage));
            Assert.False(SetsAuthCookie(forKnown));
        }
    }

    [Fact]
    public async Task SignIn_ManyFailuresFromOneAddress_OwnerFromAnotherAddressStillSignsIn()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.Member, t.BranchOfA);
        var attacker = CookieClient("10.21.0.1");
        for (var i = 1; i <= 12; i++)
        {
            Assert.False(SetsAuthCookie(await attacker.PostAsync("/account/login", await Http.LoginFormAsync(attacker, account.UserName, $"guess-{i}-password"))));
        }

        // Even the right password waits at the guesser's address…
        var fromAttacker = await attacker.PostAsync("/account/login", await Http.LoginFormAsync(attacker, account.UserName, account.Password));
        Assert.False(SetsAuthCookie(fromAttacker));
        Assert.Equal(AlertOf("Throttled", SignInFirstDelaySeconds), Alert(await HtmlAsync(fromAttacker)));

        // …while the owner, elsewhere, signs in at once.
        var owner = CookieClient("10.21.0.2");
        var signedIn = await owner.PostAsync("/account/login", await Http.LoginFormAsync(owner, account.UserName, account.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(SetsAuthCookie(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FailuresHoldAnAddressBack_UntilUnlockedThroughApi_WhichIsAudited()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.Member, t.BranchOfA);
        var client = CookieClient("10.22.0.1");
        for (var i = 1; i <= 6; i++)
        {
            var response = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, $"wrong-{i}-password"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(SetsAuthCookie(response));
        }

        var held = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password));
        Assert.False(SetsAuthCookie(held));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var orgAdminA = await app.ClientForAsync(Demo.OrgAdminA);
        var listed = await (await orgAdminA.GetAsync("/api/v1/accounts")).ReadAsync<List<AccountView>>();
        Assert.True(listed.Single(a => a.Id == account.Id).LockedOut);
        var accountsPage = await HtmlAsync(await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync("/accounts"));
        Assert.Contains($"data-unlock=\"{account.UserName}\"", accountsPage, StringComparison.Ordinal);
        var auditBefore = await UnlockEntriesAsync(account.Id);

        // Scope-checked like revoking tokens: township B's admin may not unlock an account of township A, nor may a member.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).PostAsync($"/api/v1/accounts/{account.Id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.Member)).PostAsync($"/api/v1/accounts/{account.Id}/unlock", null)).StatusCode);
        Assert.False(SetsAuthCookie(await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password))));
        Assert.Equal(auditBefore, await UnlockEntriesAsync(account.Id));

        var unlock = await orgAdminA.PostAsync($"/api/v1/accounts/{account.Id}/unlock", null);
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);

        var after = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.True(SetsAuthCookie(after));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        listed = await (await orgAdminA.GetAsync("/api/v1/accounts")).ReadAsync<List<AccountView>>();
        Assert.False(listed.Single(a => a.Id == account.Id).LockedOut);

        Assert.Equal(auditBefore + 1, await UnlockEntriesAsync(account.Id));
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task IssueToken_HolderForOwnAccount_IsAllowed_AndItsCallsAreLoggedAsTheHolder()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.OrgAdmin, t.BranchOfA);
        var holder = await app.SignInAsync(account.UserName, account.Password);

        var issued = await (await holder.PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest("我的脚本", 30))).ReadAsync<IssuedToken>();
        var created = await CreateWithAsync(BearerClient(issued.Token), AccountRole.Member, t.BranchOfA);

        Assert.Equal([account.UserName], await ActorsOfAsync(created.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == account.Id && a.Action == "ApiToken.IssuedActingAs")));
    }

    [Fact]
    public async Task IssueToken_OrgAdminForAnAccountBelowThem_Is403_AndIssuesNothing()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.OrgAdminA, AccountRole.OrgAdmin, t.BranchOfA);
        var tokensBefore = await app.WithDbAsync(db => db.ApiTokens.CountAsync(x => x.UserId == account.Id));

        var response = await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest("代签", 1));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(tokensBefore, await app.WithDbAsync(db => db.ApiTokens.CountAsync(x => x.UserId == account.Id)));
        var listed = await (await (await app.ClientForAsync(Demo.OrgAdminA)).GetAsync("/api/v1/accounts")).ReadAsync<List<AccountView>>();
        Assert.False(listed.Single(a => a.Id == account.Id).CanIssueToken);
        Assert.True(listed.Single(a => a.UserName == Demo.OrgAdminA).CanIssueToken);
    }

    [Fact]
    public async Task IssueToken_DistrictAdminForAnother_IsAudited_AndItsCallsAreLoggedAsTheAdminActingAsTheHolder()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.OrgAdmin, t.BranchOfA);

        var issued = await (await (await app.ClientForAsync(Demo.DistrictAdmin)).PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest("代管脚本", 7))).ReadAsync<IssuedToken>();
        var actingAs = BearerClient(issued.Token);
        var created = await CreateWithAsync(actingAs, AccountRole.Member, t.BranchOfA);

        // The issue names the admin as actor, on the account it acts for.
        var issue = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == account.Id && a.Action == "ApiToken.IssuedActingAs"));
        Assert.Equal(Demo.DistrictAdmin, issue.Actor);
        Assert.Contains(account.UserName, issue.After, StringComparison.Ordinal);
        // Every change made with the token names both the admin and the account.
        Assert.Equal([$"{Demo.DistrictAdmin} as {account.UserName}"], await ActorsOfAsync(created.Id));
        var byHolder = await (await (await app.ClientForAsync(Demo.DistrictAdmin)).GetAsync($"/api/v1/audit?actor={account.UserName}&pageSize=50")).ReadAsync<Paged<AuditRow>>();
        Assert.Contains(byHolder.Items, e => e.Actor == $"{Demo.DistrictAdmin} as {account.UserName}");
        var me = await (await actingAs.GetAsync("/api/v1/me")).ReadAsync<MeView>();
        Assert.Equal(account.UserName, me.UserName);
        // A token acting as another cannot mint more, which would drop the admin's name from the log.
        Assert.Equal(HttpStatusCode.Forbidden, (await actingAs.PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest("再签", 1))).StatusCode);
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected_AndSignsNobodyIn()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.Member, t.BranchOfA);
        var client = CookieClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = account.UserName,
            ["Input.Password"] = account.Password,
        });

        var response = await client.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SetsAuthCookie(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task OrgAdmin_CreatesAccountOverOwnBranch_WhoseTokenSeesThatBranchOnly()
    {
        var t = await app.TownshipsAsync();
        var orgAdminA = await app.ClientForAsync(Demo.OrgAdminA);
        var account = await CreateAsync(Demo.OrgAdminA, AccountRole.OrgAdmin, t.BranchOfA);

        var holder = await app.SignInAsync(account.UserName, account.Password);
        var issued = await (await holder.PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest("脚本", 30))).ReadAsync<IssuedToken>();
        var client = BearerClient(issued.Token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/organizations/{t.BranchOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{t.PersonOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/organizations/{t.B}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/organizations/{t.A}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/people/{t.PersonOfB}")).StatusCode);

        var listed = await (await orgAdminA.GetAsync("/api/v1/accounts")).ReadAsync<List<AccountView>>();
        var mine = listed.Single(a => a.Id == account.Id);
        Assert.Equal([new GrantView(AccountRole.OrgAdmin, t.BranchOfA, mine.Roles[0].OrganizationName)], mine.Roles);
        Assert.True(mine.CanManage);
        Assert.False(mine.CanIssueToken);
        Assert.Contains(mine.Tokens, x => x.Id == issued.Id && x.RevokedAt is null);
        Assert.DoesNotContain(listed, a => a.UserName == Demo.OrgAdminB || a.UserName == Demo.DistrictAdmin);
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task OrgAdmin_GrantingOutsideScopeOrDistrictAdmin_Is400NamingTheRole()
    {
        var t = await app.TownshipsAsync();
        var orgAdminA = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        foreach (var (role, org) in new[] { (AccountRole.Member, t.B), (AccountRole.OrgAdmin, t.BranchOfB), (AccountRole.DistrictAdmin, t.A), (AccountRole.DistrictAdmin, t.BranchOfA) })
        {
            var response = await orgAdminA.PostJsonAsync("/api/v1/accounts", Request(Demo.UniqueCode("acct"), StrongPassword(), (role, org)));
            var errors = await response.ProblemErrorsAsync();
            Assert.Equal(["roles[0]"], errors.Keys);
        }

        // The second row is the bad one, and is named as such.
        var mixed = await orgAdminA.PostJsonAsync("/api/v1/accounts", Request(Demo.UniqueCode("acct"), StrongPassword(), (AccountRole.Member, t.BranchOfA), (AccountRole.Member, t.BranchOfB)));
        Assert.Equal(["roles[1]"], (await mixed.ProblemErrorsAsync()).Keys);

        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("short1a")]
    [InlineData("abcdefghijk")]
    [InlineData("ABCDEFGHIJ12")]
    [InlineData("aaaaaaaa11")]
    public async Task Create_WeakPassword_Is400NamingPassword(string password)
    {
        var t = await app.TownshipsAsync();
        var userName = Demo.UniqueCode("weak");

        var response = await (await app.ClientForAsync(Demo.DistrictAdmin)).PostJsonAsync("/api/v1/accounts", Request(userName, password, (AccountRole.Member, t.BranchOfA)));

        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["password"], errors.Keys);
        Assert.DoesNotContain(password, string.Join(" ", errors["password"]), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }

    [Theory]
    [InlineData(Demo.Member)]
    [InlineData("MEMBER")]
    public async Task Create_DuplicateUserName_Is400NamingUserName(string userName)
    {
        var t = await app.TownshipsAsync();

        var response = await (await app.ClientForAsync(Demo.DistrictAdmin)).PostJsonAsync("/api/v1/accounts", Request(userName, StrongPassword(), (AccountRole.Member, t.BranchOfA)));

        Assert.Equal(["userName"], (await response.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Create_EverythingWrong_NamesEveryField()
    {
        var response = await (await app.ClientForAsync(Demo.DistrictAdmin)).PostJsonAsync("/api/v1/accounts",
            new CreateAccountRequest("含 空格", " ", "weak", int.MaxValue, [new GrantRequest(null, null)]));

        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["displayName", "password", "personId", "roles[0]", "userName"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OrgAdmin_CannotIssueTokensForOrUnlock_AccountsOutsideScope()
    {
        var orgAdminA = await app.ClientForAsync(Demo.OrgAdminA);
        var ids = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.OrgAdminB || u.UserName == Demo.DistrictAdmin).Select(u => u.Id).ToListAsync());
        Assert.Equal(2, ids.Count);
        var tokensBefore = await app.WithDbAsync(db => db.ApiTokens.CountAsync());

        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.PostJsonAsync($"/api/v1/accounts/{id}/tokens", new IssueTokenRequest("越权", 1))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.PostAsync($"/api/v1/accounts/{id}/unlock", null)).StatusCode);
            var anyToken = await app.WithDbAsync(db => db.ApiTokens.Where(x => x.UserId == id).Select(x => x.Id).FirstOrDefaultAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.DeleteAsync($"/api/v1/accounts/{id}/tokens/{anyToken}")).StatusCode);
        }

        Assert.Equal(tokensBefore, await app.WithDbAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task IssuedToken_Works_UntilRevoked()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.Secretary, t.BranchOfB);
        var issued = await (await admin.PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest("同步", null))).ReadAsync<IssuedToken>();
        Assert.StartsWith(ApiToken.Prefix, issued.Token, StringComparison.Ordinal);
        Assert.Null(issued.ExpiresAt);
        var client = BearerClient(issued.Token);

        var me = await (await client.GetAsync("/api/v1/me")).ReadAsync<MeView>();
        Assert.Equal(account.UserName, me.UserName);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/accounts/{account.Id}/tokens/{issued.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/organizations/{t.BranchOfB}")).StatusCode);
        var revoked = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ApiToken) && a.EntityId == issued.Id.ToString(CultureInfo.InvariantCulture) && a.Action == "ApiToken.Revoked"));
        Assert.Equal(1, revoked);
    }

    [Fact]
    public async Task IssueToken_BadInput_Is400NamingFields()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.DistrictAdmin, AccountRole.Member, t.BranchOfA);

        var response = await (await app.ClientForAsync(Demo.DistrictAdmin)).PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest(" ", 0));

        Assert.Equal(["expiresInDays", "name"], (await response.ProblemErrorsAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Member_ReadsOwnPerson_ButNotAnother()
    {
        var own = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Member).Select(u => u.PersonId).FirstAsync());
        Assert.NotNull(own);
        var other = await app.WithDbAsync(async db =>
        {
            var branch = await db.People.Where(p => p.Id == own).Select(p => p.OrganizationId).FirstAsync();
            return await db.People.Where(p => p.OrganizationId == branch && p.Id != own && !p.IsRemoved).Select(p => p.Id).FirstAsync();
        });
        var member = await app.ClientForAsync(Demo.Member);

        var mine = await (await member.GetAsync($"/api/v1/people/{own}")).ReadAsync<PersonDetail>();
        Assert.Equal(own, mine.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/people/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/accounts")).StatusCode);
    }

    [Fact]
    public async Task AuditLog_ReadBySupervisorAndAdmin_RefusedToOrgAdmin()
    {
        var supervisor = await app.ClientForAsync(Demo.Supervisor);
        var page = await (await supervisor.GetAsync("/api/v1/audit?pageSize=5")).ReadAsync<Paged<AuditRow>>();
        Assert.Equal(5, page.Items.Count);
        Assert.True(page.Items[0].Sequence > page.Items[^1].Sequence, "newest first");
        var verified = await (await supervisor.GetAsync("/api/v1/audit/verify")).ReadAsync<AuditVerification>();
        Assert.True(verified.Intact, $"broken at {verified.FirstBrokenSequence}: {verified.Reason}");
        Assert.True(verified.Entries >= page.Items[0].Sequence);

        var orgAdminA = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.Member)).GetAsync("/api/v1/audit")).StatusCode);
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task Secrets_NeverReachTheAuditLogOrTheLogs()
    {
        var t = await app.TownshipsAsync();
        var logsBefore = app.Logs.Lines.Count;
        var account = await CreateAsync(Demo.OrgAdminA, AccountRole.Member, t.BranchOfA);
        var issued = await (await (await app.ClientForAsync(Demo.DistrictAdmin)).PostJsonAsync($"/api/v1/accounts/{account.Id}/tokens", new IssueTokenRequest("secret-check", 7))).ReadAsync<IssuedToken>();
        Assert.Equal(HttpStatusCode.OK, (await BearerClient(issued.Token).GetAsync("/api/v1/me")).StatusCode);
        var client = CookieClient();
        await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password + "wrong"));
        await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password));
        var stored = await app.WithDbAsync(async db =>
        {
            var u = await db.Users.AsNoTracking().FirstAsync(x => x.Id == account.Id);
            return new[] { u.PasswordHash!, u.SecurityStamp!, ApiTokenAuthenticationHandler.Hash(issued.Token) };
        });
        string[] secrets = [account.Password, issued.Token, .. stored];

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == account.Id || a.EntityType == nameof(ApiToken) || a.EntityType == nameof(RoleAssignment) || a.Actor == account.UserName)
            .Select(a => (a.Before ?? string.Empty) + "|" + (a.After ?? string.Empty))
            .ToListAsync());
        Assert.Contains(entries, e => e.Contains(account.UserName, StringComparison.Ordinal)); // the account's own entries are among them
        var all = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Before!.Contains("PasswordHash") || a.After!.Contains("PasswordHash")
                || a.Before!.Contains(account.Password) || a.After!.Contains(account.Password)
                || a.Before!.Contains(issued.Token) || a.After!.Contains(issued.Token))
            .CountAsync());
        Assert.Equal(0, all);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(entries, e => e.Contains(secret, StringComparison.Ordinal));
        }

        // The logs, at the configured levels (the capture sees what the console sees).
        var lines = app.Logs.Lines.Skip(logsBefore).ToList();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Text.Contains(secret, StringComparison.Ordinal));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<Dangjian.Data.DangjianDbContext>>();
        Assert.False(options.FindExtension<CoreOptionsExtension>()!.IsSensitiveDataLoggingEnabled);
    }

    [Fact]
    public async Task Logs_AreCaptured_SoTheSecretCheckCanFail()
    {
        // Proves the capture sees the app's logs: a failed bearer token is logged by the authentication handler.
        var before = app.Logs.Lines.Count;
        var client = BearerClient("dj_unknown-token-for-log-check");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains(app.Logs.Lines.Skip(before), l => l.Category.Contains(nameof(ApiTokenAuthenticationHandler), StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines.Skip(before), l => l.Text.Contains("dj_unknown-token-for-log-check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccountsPage_ListsOwnScope_RefusesOthers()
    {
        var t = await app.TownshipsAsync();
        var account = await CreateAsync(Demo.OrgAdminA, AccountRole.Secretary, t.BranchOfA);

        var html = await HtmlAsync(await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync("/accounts"));
        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains($"data-account=\"{account.UserName}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-account=\"{Demo.OrgAdminA}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-account=\"{Demo.OrgAdminB}\"", html, StringComparison.Ordinal);
        Assert.Contains(Labels(AccountRole.Secretary), html, StringComparison.Ordinal);

        foreach (var user in new[] { Demo.Member, Demo.Secretary, Demo.Supervisor })
        {
            var refused = await HtmlAsync(await (await app.SignInAsync(user)).GetAsync("/accounts"));
            Assert.Contains("data-refused", refused, StringComparison.Ordinal);
            Assert.DoesNotContain("data-account", refused, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AuditPage_ShowsEntriesToSupervisor_RefusesOrgAdmin()
    {
        var html = await HtmlAsync(await (await app.SignInAsync(Demo.Supervisor)).GetAsync("/audit?entityType=Organization"));
        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains("data-sequence", html, StringComparison.Ordinal);
        Assert.Contains("href=\"organizations/", html, StringComparison.Ordinal);

        var refused = await HtmlAsync(await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync("/audit"));
        Assert.Contains("data-refused", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("data-sequence", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditDiff_NamesChangedFields()
    {
        var diff = AuditDiff.Of("{\"Name\":\"甲\",\"Version\":1,\"Code\":\"A1\"}", "{\"Name\":\"乙\",\"Version\":2,\"Code\":\"A1\",\"Phone\":null}");

        Assert.Equal(["Code", "Name", "Phone", "Version"], diff.Select(d => d.Field));
        Assert.Equal(["Name", "Version"], diff.Where(d => d.Changed).Select(d => d.Field));
        Assert.Equal(new FieldChange("Name", "甲", "乙"), diff.Single(d => d.Field == "Name"));
        Assert.All(AuditDiff.Of(null, "{\"A\":1}"), d => Assert.Null(d.Before));
        Assert.Equal([new FieldChange(string.Empty, null, "not json")], AuditDiff.Of(null, "not json"));
    }

    private sealed record NewAccount(string Id, string UserName, string Password);

    private async Task<NewAccount> CreateAsync(string creator, AccountRole role, int organizationId)
    {
        var userName = Demo.UniqueCode("user.");
        var password = StrongPassword();
        var response = await (await app.ClientForAsync(creator)).PostJsonAsync("/api/v1/accounts", Request(userName, password, (role, organizationId)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = response.Headers.Location!.OriginalString.Split('/')[^1];
        return new NewAccount(id, userName, password);
    }

    private async Task<NewAccount> CreateWithAsync(HttpClient creator, AccountRole role, int organizationId)
    {
        var userName = Demo.UniqueCode("user.");
        var password = StrongPassword();
        var response = await creator.PostJsonAsync("/api/v1/accounts", Request(userName, password, (role, organizationId)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new NewAccount(response.Headers.Location!.OriginalString.Split('/')[^1], userName, password);
    }

    /// <summary>The distinct actors of the audit entries about an account (its creation and its role).</summary>
    private Task<List<string>> ActorsOfAsync(string userId) => app.WithDbAsync(async db =>
    {
        var roleIds = (await db.RoleAssignments.Where(r => r.UserId == userId).Select(r => r.Id).ToListAsync()).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == userId || (a.EntityType == nameof(RoleAssignment) && roleIds.Contains(a.EntityId)))
            .Select(a => a.Actor).Distinct().ToListAsync();
    });

    private Task<int> UnlockEntriesAsync(string userId) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == userId && a.Action == "Account.Unlocked" && a.Actor == Demo.OrgAdminA));

    /// <summary>The sign-in wait the test app is set to (AppFixture: long, so that a try never outlasts it).</summary>
    private const int SignInFirstDelaySeconds = 60;

    /// <summary>
    /// A page with what differs by request taken out: the name typed back into the form, tokens, nonces, and numbers
    /// (the seconds left of a wait depend on when the try came, not on the name).
    /// </summary>
    private static string SamePage(string html, string typedName) =>
        Number().Replace(ProtectedPayload().Replace(VaryingAttribute().Replace(html.Replace(typedName, "NAME", StringComparison.Ordinal), "$1=\"…\""), "…"), "#");

    /// <summary>The page's alert, its numbers as "#".</summary>
    private static string Alert(string html) => AlertText().Match(html) is { Success: true } m ? Number().Replace(m.Groups[1].Value.Trim(), "#") : string.Empty;

    /// <summary>A message as <see cref="Alert"/> reads it.</summary>
    private string AlertOf(string key, params object[] arguments) => Number().Replace(Text(key, arguments), "#");

    [System.Text.RegularExpressions.GeneratedRegex("[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex Number();

    /// <summary>Data-protected values (antiforgery tokens, Blazor's persisted state) wherever the page carries them: "CfDJ8" and base64.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("CfDJ8[A-Za-z0-9_\\-+/=]+")]
    private static partial System.Text.RegularExpressions.Regex ProtectedPayload();

    [System.Text.RegularExpressions.GeneratedRegex("(value|nonce)=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex VaryingAttribute();

    [System.Text.RegularExpressions.GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial System.Text.RegularExpressions.Regex AlertText();

    private static CreateAccountRequest Request(string userName, string password, params (AccountRole Role, int Org)[] roles) =>
        new(userName, "测试账号", password, null, roles.Select(r => new GrantRequest(r.Role, r.Org)).ToList());

    private static string StrongPassword() => "pw" + Guid.NewGuid().ToString("N")[..12] + "7q";

    /// <summary>A browser with cookies, from <paramref name="address"/> when given (<see cref="TestPeer"/>).</summary>
    private HttpClient CookieClient(string? address = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(TestPeer.Header, address);
        }

        return client;
    }

    private HttpClient BearerClient(string token)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(AuthCookie, StringComparison.Ordinal) && !c.StartsWith(AuthCookie + ";", StringComparison.Ordinal));

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A string of the sign-in page as the app shows it by default (zh-CN).</summary>
    private string Text(string key, params object[] arguments) => app.Text<AccountText>("zh-CN", key, arguments);

    private string Labels(AccountRole role) => app.Text<EnumText>("zh-CN", $"{nameof(AccountRole)}.{role}");

    private async Task AssertAuditIntactAsync()
    {
        var verified = await (await (await app.ClientForAsync(Demo.DistrictAdmin)).GetAsync("/api/v1/audit/verify")).ReadAsync<AuditVerification>();
        Assert.True(verified.Intact, $"audit chain broken at {verified.FirstBrokenSequence}: {verified.Reason}");
        Assert.Null(verified.FirstBrokenSequence);
        var inDb = await app.WithDbAsync(db => db.AuditEntries.LongCountAsync());
        Assert.True(verified.Entries > 0 && verified.Entries <= inDb);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountSqliteTests(SqliteApp app) : AccountTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountPostgresTests(PostgresApp app) : AccountTests(app);

/// <summary>ORG-5 rate limit: sign-in posts per client per minute, on an app of its own with the limit at 3.</summary>
public sealed class SignInRateLimitTests(RateLimitedSqliteApp app) : IClassFixture<RateLimitedSqliteApp>
{
    [Fact]
    public async Task SignIn_MoreThanTheLimitInAMinute_Is429()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 0; i < RateLimitedSqliteApp.AttemptsPerMinute; i++)
        {
            var allowed = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, "nobody", "wrong-password-1"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var limited = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, "nobody", "wrong-password-1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode); // the form itself is not limited
    }
}
