using System.Data.Common;
using System.Runtime.CompilerServices;
using Dangjian.Data;
using Dangjian.Data.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands one piece of work sends through the app's DbContext. <see cref="Interceptor"/> is added to the
/// test apps' DbContext options (<see cref="AppFixture"/>); it counts only the commands of a DbContext being watched, so
/// other tests running at the same time neither add to a count nor pay more than a lookup.
/// </summary>
public static class SqlCommandCount
{
    private static readonly ConditionalWeakTable<DbContext, StrongBox<int>> Watched = [];

    /// <summary>The interceptor the test apps' DbContexts carry.</summary>
    public static IInterceptor Interceptor { get; } = new Counter();

    /// <summary>Runs the work in a fresh service scope acting as the named account (as a request would) and counts its commands.</summary>
    public static async Task<(T Result, int Commands)> AsAsync<T>(AppFixture app, string userName, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        sp.GetRequiredService<CurrentUser>().Principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var db = sp.GetRequiredService<DangjianDbContext>();

        var count = new StrongBox<int>();
        Watched.AddOrUpdate(db, count);
        try
        {
            var result = await work(sp);
            return (result, Volatile.Read(ref count.Value));
        }
        finally
        {
            Watched.Remove(db);
        }
    }

    private sealed class Counter : DbCommandInterceptor
    {
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            if (eventData.Context is { } context && Watched.TryGetValue(context, out var count))
            {
                Interlocked.Increment(ref count.Value);
            }

            return result;
        }
    }
}
