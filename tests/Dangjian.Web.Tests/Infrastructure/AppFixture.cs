using System.Net.Http.Headers;
using Dangjian.Data;
using Dangjian.Data.Accounts;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Tests.Reminders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// The web app on a real database with the demo district seeded, shared by the tests of one provider.
/// Tests that change data use names and codes of their own, so they do not disturb each other.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];

    public abstract string ProviderName { get; }

    protected abstract string ConnectionString { get; }

    protected virtual int SignInAttemptsPerMinute => 10_000;

    /// <summary>
    /// How long a lone cast waits for others to mix with (Secrecy:MixingWindow, 1 s in production). Most tests cast one
    /// ballot at a time and are not about mixing, so they wait less; the secrecy tests set their own.
    /// </summary>
    protected virtual TimeSpan MixingWindow => TimeSpan.FromMilliseconds(20);

    /// <summary>The one reverse proxy whose X-Forwarded-* headers the app believes (a test sets <see cref="TestPeer.Header"/> to it).</summary>
    public const string KnownProxy = "10.0.0.100";

    /// <summary>The proxy setting; null for an app that trusts no proxy (the default of a real installation).</summary>
    protected virtual string? KnownProxySetting => KnownProxy;

    /// <summary>
    /// The first wait after failed sign-ins, long here so that a test's next try surely falls inside it however slow the
    /// machine (the shipped default is 1 second).
    /// </summary>
    protected virtual int SignInFirstDelaySeconds => 60;

    /// <summary>Run the reminder planner and sender in the background (off: the reminder tests call them when they mean to).</summary>
    protected virtual bool ReminderSettings => false;

    /// <summary>
    /// A group robot on loopback that takes every message: the app's <c>Reminders:Robot:Url</c>, so the robot channel is
    /// set up as on an installation that configured it (a channel without a transport gets nothing planned). A test that
    /// scripts the robot's answers or removes the URL sets its own and puts this one back.
    /// </summary>
    public LoopbackRobot Robot => _robot ??= new LoopbackRobot();

    private LoopbackRobot? _robot;

    /// <summary>Seed the demo district (all shared fixtures do; a fixture that needs no data can skip it).</summary>
    protected virtual bool Demo => true;

    /// <summary>Everything the app logs at its configured levels, to prove no secret is ever written to a log.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The app's server-side roster folder (<c>Dangjian:ImportFolder</c>), empty at start; removed with the fixture.</summary>
    public string ImportFolder { get; } = Directory.CreateTempSubdirectory("dangjian-import-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("ConnectionStrings:Dangjian", ConnectionString);
        builder.UseSetting("Dangjian:Demo", Demo ? "true" : "false");
        builder.UseSetting("Dangjian:ImportFolder", ImportFolder);
        builder.UseSetting("Dangjian:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every test's phone comes from the same (test server) address: the vote limit is for a meeting room, not a suite.
        builder.UseSetting("Elections:VoteRateLimitPerMinute", "100000");
        builder.UseSetting("Secrecy:MixingWindow", MixingWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        // A test that holds a reader through a close waits this long for the 503, not the production 30 s. The tests of
        // one provider run one at a time, so nothing else holds the database that long.
        builder.UseSetting("Secrecy:EraseTimeout", "00:00:05");
        builder.UseSetting("Secrecy:NightlyErase", "false"); // the report box tests erase its history themselves
        builder.UseSetting("Reminders:Enabled", ReminderSettings ? "true" : "false"); // the reminder tests plan and send themselves
        builder.UseSetting("Reminders:Robot:Url", Robot.Url);
        builder.UseSetting("Dangjian:SignIn:FirstDelaySeconds", SignInFirstDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (KnownProxySetting is { } proxy)
        {
            builder.UseSetting("Dangjian:ForwardedHeaders:KnownProxies:0", proxy);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestPeer>());
        builder.ConfigureServices(services => services.ConfigureDbContext<DangjianDbContext>(o => o.AddInterceptors(SqlCommandCount.Interceptor), ServiceLifetime.Singleton));
    }

    public virtual async Task InitializeAsync()
    {
        // Building the server runs start-up: migrations and the demo seed.
        _ = Server;
        await Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(ImportFolder, recursive: true);
        if (_robot is not null)
        {
            await _robot.DisposeAsync();
        }
    }

    /// <summary>A client authenticated with a bearer token of the named demo account (issued once per fixture).</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            token = await IssueTokenAsync(userName);
            _tokens[userName] = token;
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<string> IssueTokenAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        var user = await db.Users.FirstAsync(u => u.UserName == userName);
        var secret = ApiTokenAuthenticationHandler.NewSecret();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = "test",
            TokenHash = ApiTokenAuthenticationHandler.Hash(secret),
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = userName, // the holder's own token: its calls are logged under the holder's name alone
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>Runs work against the app's database, outside any request.</summary>
    public async Task<T> WithDbAsync<T>(Func<DangjianDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DangjianDbContext>());
    }

    /// <summary>The organization ids of the demo accounts' scopes, looked up once.</summary>
    public async Task<int> ScopeOrganizationOfAsync(string userName) =>
        await WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == userName).Select(x => x.OrganizationId).FirstAsync());
}

/// <summary>
/// The test server has no client address; a request's "X-Test-Peer" header gives it one, before anything in the app
/// reads it (forwarded headers, sign-in waits), as if it came from that machine.
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public class SqliteApp : AppFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-test-").FullName;

    public override string ProviderName => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(_folder, "dangjian.db")}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteCleanup.Delete(_folder);
    }
}

public sealed class PostgresApp : AppFixture
{
    private readonly string _database = "dangjian_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string ProviderName => "Postgres";

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = _database }.ConnectionString;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }
}

public static class SqliteCleanup
{
    public static void Delete(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open at exit is removed with the temp folder later; nothing to assert here.
        }
    }
}

/// <summary>
/// The PostgreSQL server ./test.sh starts, named by DANGJIAN_TEST_PG (a connection string without a
/// database). Without it the PostgreSQL tests fail with a message saying how to run them: a missing
/// server is never a pass.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "DANGJIAN_TEST_PG";

    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, which starts a throwaway PostgreSQL server, or set it to e.g. Host=127.0.0.1;Port=55432;Username=postgres");

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "postgres";
}
