using Dangjian.Data;
using Dangjian.Data.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dangjian.Bench;

/// <summary>
/// The web app's own service container (HostSetup.AddDangjian) over a fresh database, never listening:
/// the benchmark calls the same services a request would, in a scope per call, as a signed-in account.
/// Disposing it drops the PostgreSQL database or deletes the SQLite folder.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string PostgresVariable = "DANGJIAN_TEST_PG";

    private readonly WebApplication _app;
    private readonly Func<Task> _cleanup;

    private BenchHost(string provider, WebApplication app, Func<Task> cleanup)
    {
        Provider = provider;
        _app = app;
        _cleanup = cleanup;
    }

    public string Provider { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<BenchHost> SqliteAsync()
    {
        var folder = Directory.CreateTempSubdirectory("dangjian-bench-").FullName;
        return StartAsync("SQLite", "Sqlite", $"Data Source={Path.Combine(folder, "dangjian.db")}", () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    public static Task<BenchHost>? PostgresAsync()
    {
        if (Environment.GetEnvironmentVariable(PostgresVariable) is not { Length: > 0 } server)
        {
            return null;
        }

        var database = "dangjian_bench_" + Guid.NewGuid().ToString("N")[..12];
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        return StartAsync("PostgreSQL", "Postgres", cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        });
    }

    private static async Task<BenchHost> StartAsync(string name, string provider, string connectionString, Func<Task> cleanup)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Dangjian"] = connectionString,
            ["Dangjian:Demo"] = "true",
        });
        // SQL logging of 100,000 inserts would cost more than the inserts.
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddDangjian();
        var app = builder.Build();
        var host = new BenchHost(name, app, cleanup);
        try
        {
            await app.PrepareDatabaseAsync(); // migrations, demo district and demo accounts, as on first start
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A scope whose CurrentUser is the named account, with the claims its sign-in would carry.</summary>
    public async Task<AsyncServiceScope> ScopeAsAsync(string userName)
    {
        var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = principal;
        return scope;
    }

    public async Task<T> WithDbAsync<T>(Func<DangjianDbContext, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DangjianDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        var kept = _app.Configuration.GetConnectionString("Dangjian");
        await _app.DisposeAsync();
        if (Environment.GetEnvironmentVariable("DANGJIAN_BENCH_KEEP") == "1")
        {
            // For looking at query plans afterwards: the database stays, and says where it is.
            Console.WriteLine($"[{Provider}] database kept: {kept}");
            return;
        }

        await _cleanup();
    }
}
