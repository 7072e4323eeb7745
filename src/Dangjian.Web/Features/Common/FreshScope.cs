using Dangjian.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dangjian.Web.Features.Common;

/// <summary>
/// Runs one unit of work in its own DI scope — its own DbContext — as the signed-in user. A Blazor circuit
/// lives as long as the tab, and so does its scoped DbContext: a failed save (an edit conflict) would leave
/// tracked entities behind for the next one, and a long import would hold the context other components use.
/// </summary>
public sealed class FreshScope(IServiceScopeFactory factory, CurrentUser user)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = factory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = user.Principal;
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task RunAsync<TService>(Func<TService, Task> work)
        where TService : notnull =>
        RunAsync<TService, bool>(async s =>
        {
            await work(s);
            return true;
        });
}

public static class FreshScopeRegistration
{
    /// <summary>Registers <see cref="FreshScope"/> once, whichever module asks first.</summary>
    public static IServiceCollection AddFreshScope(this IServiceCollection services)
    {
        services.TryAddScoped<FreshScope>();
        return services;
    }
}
