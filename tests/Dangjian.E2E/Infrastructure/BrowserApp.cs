using System.Globalization;
using System.Security.Claims;
using Dangjian.Data;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Tests.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// The real app on a real port (Kestrel, loopback) over a SQLite file with the demo district, and one
/// headless Chromium driven by Playwright; both shared by the tests of the browser collection and
/// stopped when it ends. Each test opens its own browser context (cookies, storage) through <see cref="NewContextAsync"/>.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Debian's Chromium; DANGJIAN_CHROMIUM names another binary.</summary>
    public const string ChromiumVariable = "DANGJIAN_CHROMIUM";

    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-e2e-").FullName;
    private readonly LoopbackRobot _robot = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The window of a desktop browser.</summary>
    public static ViewportSize Desktop => new() { Width = 1280, Height = 900 };

    /// <summary>A phone held upright (390 x 844 CSS pixels).</summary>
    public static ViewportSize Phone => new() { Width = 390, Height = 844 };

    /// <summary>Where the app listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; private set; } = new("http://localhost/");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not read the static web assets manifest by itself; without it
        // blazor.web.js and MudBlazor's files (in the NuGet cache, not under wwwroot) would not be served.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Dangjian", $"Data Source={Path.Combine(_folder, "dangjian.db")}");
        builder.UseSetting("Dangjian:Demo", "true");
        builder.UseSetting("Dangjian:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("Secrecy:NightlyErase", "false"); // no VACUUM in the middle of a browser run that crosses 03:00 Beijing time
        // The group robot is set up (a loopback one that takes every message), e-mail is not: the reminder pages show both
        // cases. The tests plan themselves; no background pass sends what a test is looking at.
        builder.UseSetting("Reminders:Robot:Url", _robot.Url);
        builder.UseSetting("Reminders:Enabled", "false");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}: install Debian's package (apt-get install -y --no-install-recommends chromium) or set {ChromiumVariable}.");
        }

        // Before the factory builds its host: serve on a real loopback port chosen by the system.
        UseKestrel(0);
        StartServer(); // start-up migrates the database and seeds the demo district
        BaseUrl = ListeningAddress();

        // No browser download, ever: Playwright's driver drives the installed Chromium.
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private Uri ListeningAddress()
    {
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? ClientOptions.BaseAddress.ToString();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// A fresh browser context: no cookies, zh-CN like the district's users (the app's default language
    /// comes from Accept-Language), a desktop-sized window unless <paramref name="viewport"/> names another
    /// (a phone's, say). <paramref name="javaScriptEnabled"/> false is a browser with scripts off, as some voters' phones are.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "zh-CN", ViewportSize? viewport = null, bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = locale,
            ViewportSize = viewport ?? Desktop,
            AcceptDownloads = true,
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        return context;
    }

    /// <summary>Runs a service of the app as the named account would, to learn what a page ought to show.</summary>
    public async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, userName)], "e2e"));
        return await work(scope.ServiceProvider);
    }

    /// <summary>Reads the app's database outside any request.</summary>
    public async Task<T> WithDbAsync<T>(Func<DangjianDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DangjianDbContext>());
    }

    public new async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        await _robot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held at exit goes with the temp folder later.
        }
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
