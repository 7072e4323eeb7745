using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Data.Accounts;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Tests.Accounts;

/// <summary>
/// The sign-in's waits on a clock the test moves (so no test waits or asserts a time), and the password-hash work an
/// unknown name costs, counted by a hasher that wraps Identity's. An app of its own with no demo data: a bootstrap
/// district admin, and accounts made through the API.
/// </summary>
public sealed partial class SignInWaitTests(SignInClockApp app) : IClassFixture<SignInClockApp>
{
    [Fact]
    public async Task SignIn_UnknownName_VerifiesOnePasswordHash_AsAWrongPasswordDoes()
    {
        var account = await app.AccountAsync();
        var client = app.Browser("10.30.0.1");

        var before = app.Hasher.Verifications;
        await client.PostAsync("/account/login", await Http.LoginFormAsync(client, Demo.UniqueCode("nobody."), "some-password-1"));
        var forUnknown = app.Hasher.Verifications - before;

        before = app.Hasher.Verifications;
        await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, "some-password-1"));
        var forWrongPassword = app.Hasher.Verifications - before;

        Assert.Equal(1, forWrongPassword);
        Assert.Equal(forWrongPassword, forUnknown);
    }

    [Fact]
    public async Task SignIn_WaitDoublesWithEachFailureFromTheSameAddress_AndHoldsEvenTheRightPassword()
    {
        var account = await app.AccountAsync();
        var client = app.Browser("10.30.0.2");
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(app.Text("Failed"), await TryAsync(client, account.UserName, $"wrong-{i}-password"));
        }

        var waits = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var wait = WaitOf(await TryAsync(client, account.UserName, account.Password));
            waits.Add(wait);
            app.Clock.Advance(TimeSpan.FromSeconds(wait));
            Assert.Equal(app.Text("Failed"), await TryAsync(client, account.UserName, $"again-{i}-password"));
        }

        Assert.Equal([1, 2, 4], waits);
        Assert.Equal(8, WaitOf(await TryAsync(client, account.UserName, account.Password)));

        app.Clock.Advance(TimeSpan.FromSeconds(8));
        var signedIn = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, account.UserName, account.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>Signs in and returns the page's alert (empty when signed in).</summary>
    private static async Task<string> TryAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsync("/account/login", await Http.LoginFormAsync(client, userName, password));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return AlertText().Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : string.Empty;
    }

    /// <summary>The seconds a "try again in N seconds" alert names.</summary>
    private int WaitOf(string alert)
    {
        var wait = Regex.Match(alert, "[0-9]+") is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : -1;
        Assert.Equal(app.Text("Throttled", wait), alert);
        return wait;
    }

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex AlertText();
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Identity's password hasher, counting how often a hash is verified.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The app on a SQLite file without demo data, its clock and password hasher replaced by the test's, the shipped 1-second first wait.</summary>
public sealed class SignInClockApp : SqliteApp
{
    private const string RootName = "root";
    private const string RootPassword = "Root2026waits";

    public ManualClock Clock { get; } = new();

    public CountingPasswordHasher Hasher { get; } = new(Options.Create(new PasswordHasherOptions()));

    protected override bool Demo => false;

    protected override int SignInFirstDelaySeconds => 1;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dangjian:BootstrapAdminUserName", RootName);
        builder.UseSetting("Dangjian:BootstrapAdminPassword", RootPassword);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        });
    }

    public HttpClient Browser(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(TestPeer.Header, address);
        return client;
    }

    /// <summary>A new member account of the district, made by the bootstrap admin through the API.</summary>
    public async Task<(string UserName, string Password)> AccountAsync()
    {
        var userName = Infrastructure.Demo.UniqueCode("user."); // "Demo" alone is this fixture's demo-data switch
        var password = "pw" + Guid.NewGuid().ToString("N")[..12] + "7q";
        var root = await WithDbAsync(db => db.Organizations.FirstAsync(o => o.ParentId == null));
        var admin = await ClientForAsync(RootName);
        var response = await admin.PostJsonAsync("/api/v1/accounts", new CreateAccountRequest(userName, "测试", password, null, [new GrantRequest(AccountRole.Member, root.Id)]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (userName, password);
    }

    /// <summary>A sign-in page string in the app's default language (zh-CN).</summary>
    public string Text(string key, params object[] arguments) => this.Text<AccountText>("zh-CN", key, arguments);
}
