using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// Runs one page operation (a load, a search or a command) in a DI scope of its own, as the circuit's user.
/// An interactive circuit keeps one scope for as long as the tab is open, but a DbContext and the caller's
/// cached <see cref="Features.Accounts.ScopeService"/> scope are meant to live for one unit of work. A fresh
/// scope per operation means: no rows left tracked (and saved later) after a failed command, no stale
/// tracked copy hiding another user's change, never two queries on one context at once (a search while a
/// save runs), and a revoked role takes effect at the next click.
/// </summary>
public sealed class PageOperations(IServiceScopeFactory scopes, CurrentUser user)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Begin();
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<TService>());
        }
        catch (DbUpdateException e)
        {
            throw Ours(e);
        }
    }

    public async Task RunAsync<TService>(Func<TService, Task> work)
        where TService : notnull
    {
        await using var scope = Begin();
        try
        {
            await work(scope.ServiceProvider.GetRequiredService<TService>());
        }
        catch (DbUpdateException e)
        {
            throw Ours(e);
        }
    }

    /// <summary>
    /// EF Core's save failures as the project's own, mapped here once so that pages never name EF Core: a stale version
    /// is an edit conflict, any other refused save a duplicate (the unique keys are what a valid command can still hit).
    /// </summary>
    private static Exception Ours(DbUpdateException e) => e is DbUpdateConcurrencyException
        ? new ConflictException(e.Message, e)
        : new DuplicateException(e.Message, e);

    private AsyncServiceScope Begin()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = user.Principal;
        return scope;
    }
}
