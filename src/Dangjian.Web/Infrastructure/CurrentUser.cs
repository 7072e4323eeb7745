using System.Security.Claims;
using Dangjian.Data.Audit;
using Dangjian.Domain.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// The signed-in user of this request or Blazor circuit. HTTP requests set it from HttpContext.User
/// (middleware below); interactive circuits, where HttpContext is not available, set it from the
/// authentication state (<see cref="CurrentUserCircuitHandler"/>). Services read it from here only.
/// </summary>
public sealed class CurrentUser : IAuditActor
{
    public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Carried by a bearer token another account issued: that issuer's user name.</summary>
    public const string TokenIssuerClaim = "dangjian:token_issuer";

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    /// <summary>Whether this call acts for its account on someone else's authority (a token a district admin issued for it).</summary>
    public bool ActsAsAnother => Principal.FindFirstValue(TokenIssuerClaim) is not null;

    /// <summary>The audit log's "who": the account's user name, or "issuer as account" for a token issued by another.</summary>
    public string Name
    {
        get
        {
            if (!IsAuthenticated)
            {
                return "anonymous";
            }

            var holder = Principal.Identity!.Name ?? UserId ?? "unknown";
            return Principal.FindFirstValue(TokenIssuerClaim) is { } issuer ? ApiToken.ActorName(holder, issuer) : holder;
        }
    }
}

public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authState, CurrentUser user) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authState.AuthenticationStateChanged += OnChanged;
        user.Principal = (await authState.GetAuthenticationStateAsync()).User;
    }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => user.Principal = t.Result.User, TaskScheduler.Default);

    public void Dispose() => authState.AuthenticationStateChanged -= OnChanged;
}

public static class CurrentUserMiddleware
{
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentUser>().Principal = context.User;
            await next(context);
        });
}
