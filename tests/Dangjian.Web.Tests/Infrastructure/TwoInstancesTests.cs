using System.Net;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Tests.Elections.Voting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// Two app instances on loopback over one PostgreSQL database, as behind a load balancer (issue 18 "More than one
/// machine"; README "Scaling out"): a browser's requests go to either. What one instance issued (the sign-in cookie,
/// a form's antiforgery token) the other accepts, because the data protection keys are in the database; and the same
/// codes cast through both at once are each counted once, because the database, not an instance's memory, decides.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task SignIn_ThroughOneInstance_IsAcceptedByTheOther()
    {
        var (one, two) = (instances.One.BaseUrl, instances.Two.BaseUrl);
        using var browser = new BalancedBrowser();

        // The sign-in form comes from one instance and is posted to the other: its antiforgery token must hold there.
        var form = await browser.SendAsync(one, HttpMethod.Get, "/account/login");
        var token = Http.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        var signIn = await browser.SendAsync(two, HttpMethod.Post, "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = Demo.OrgAdminA,
            ["Input.Password"] = Dangjian.Web.Features.Accounts.StartupAccounts.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(browser.Has("dangjian.auth"), "the instance that took the sign-in set no sign-in cookie");

        // The cookie the second instance issued opens the API and a staff page on the first, and on itself.
        foreach (var instance in new[] { one, two })
        {
            var dashboard = await browser.SendAsync(instance, HttpMethod.Get, "/api/v1/dashboard");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            var page = await browser.SendAsync(instance, HttpMethod.Get, "/organizations");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // The keys that signed them are the database's: one key, made by whichever instance started first. (Two instances in
        // one test process on one machine could otherwise share a key folder in the home directory, which would prove nothing.)
        Assert.Equal(1, await instances.One.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));

        // Without the cookie neither instance lets the same requests through.
        using var stranger = new BalancedBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.SendAsync(one, HttpMethod.Get, "/api/v1/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.SendAsync(two, HttpMethod.Get, "/organizations")).StatusCode);
    }

    [Fact]
    public async Task SameCodes_CastThroughBothInstancesAtOnce_EachCodeCountedOnce()
    {
        const int codes = 120;
        var round = await instances.One.RoundAsync(seats: 3);
        var issued = await IssueCodesAsync(round.Id, codes);
        var marks = new[] { "for", "for", "against", "abstain", "for" };

        // Each voter's phone opens the ballot on one instance, then submits it to both at the same moment (a double tap
        // that the balancer spreads over the two).
        var phones = await Task.WhenAll(issued.Select(async (code, i) =>
        {
            var phone = new BalancedBrowser();
            var ballot = await phone.SendAsync(i % 2 == 0 ? instances.One.BaseUrl : instances.Two.BaseUrl, HttpMethod.Get, $"/vote/{round.Id}");
            Assert.Equal(HttpStatusCode.OK, ballot.StatusCode);
            return (Code: code, Phone: phone, Token: Http.AntiforgeryToken(await ballot.Content.ReadAsStringAsync()));
        }));
        var results = await Task.WhenAll(phones.Select(async p =>
        {
            var answers = await Task.WhenAll(
                p.Phone.SendAsync(instances.One.BaseUrl, HttpMethod.Post, $"/vote/{round.Id}", VotingSetup.BallotForm(p.Token, p.Code, marks)),
                p.Phone.SendAsync(instances.Two.BaseUrl, HttpMethod.Post, $"/vote/{round.Id}", VotingSetup.BallotForm(p.Token, p.Code, marks)));
            p.Phone.Dispose();
            return (p.Code, Answers: answers.Select(a => a.StatusCode).ToArray());
        }));

        var answered = string.Join(", ", results.SelectMany(r => r.Answers).GroupBy(s => s).Select(g => $"{g.Key} × {g.Count()}"));
        Assert.True(results.All(r => r.Answers.Count(s => s == HttpStatusCode.OK) == 1 && r.Answers.Count(s => s == HttpStatusCode.Conflict) == 1),
            "each code should be taken once and refused once as used; answers: " + answered);

        // Both instances read the same box: every acknowledged ballot, once.
        await instances.Two.CloseBoxAsync(round);
        Assert.Equal(codes, (await instances.One.BallotsAsync(round)).Count);
        Assert.Equal(codes, (await instances.Two.BallotsAsync(round)).Count);
    }

    /// <summary>Issues codes through the first instance's API as orgadmin.a, with a bearer token.</summary>
    private async Task<IReadOnlyList<string>> IssueCodesAsync(int roundId, int count)
    {
        using var client = new HttpClient { BaseAddress = instances.One.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await instances.One.IssueTokenAsync(Demo.OrgAdminA));
        var issued = await (await client.PostJsonAsync($"/api/v1/elections/rounds/{roundId}/codes", new IssueCodesRequest(count))).ReadAsync<IssuedCodes>();
        Assert.Equal(count, issued.Codes.Count);
        return issued.Codes;
    }
}

/// <summary>
/// A browser behind a load balancer: one cookie jar for every instance (the balancer's host name is one site to the
/// browser), each request sent to the instance the test names.
/// </summary>
public sealed class BalancedBrowser : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly Dictionary<string, string> _cookies = [];

    public bool Has(string cookie)
    {
        lock (_cookies)
        {
            return _cookies.ContainsKey(cookie);
        }
    }

    public async Task<HttpResponseMessage> SendAsync(Uri instance, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(instance, path)) { Content = content };
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            lock (_cookies)
            {
                foreach (var pair in set.Select(c => c.Split(';')[0]))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    _cookies[pair[..equals]] = pair[(equals + 1)..];
                }
            }
        }

        return response;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// One PostgreSQL database of its own and two instances of the app over it, each on its own loopback port. The first
/// migrates and seeds the demo district; the second starts on what the first made, as a second machine would.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string _database = "dangjian_test_" + Guid.NewGuid().ToString("N")[..12];

    public LoopbackInstance One { get; private set; } = null!;

    public LoopbackInstance Two { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = _database }.ConnectionString;
        One = new LoopbackInstance(connectionString);
        await One.InitializeAsync();
        Two = new LoopbackInstance(connectionString);
        await Two.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Two.DisposeAsync();
        await One.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }
}

/// <summary>The app on a real loopback port (Kestrel), over the PostgreSQL database it is given.</summary>
public sealed class LoopbackInstance(string connectionString) : AppFixture
{
    public override string ProviderName => "Postgres";

    protected override string ConnectionString => connectionString;

    /// <summary>Where the instance listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public override Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return Task.CompletedTask;
    }
}
