using Dangjian.Data.Accounts;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Features.Accounts;

/// <summary>/api/v1/me, /api/v1/accounts and tokens (ORG-5); sign-out and the language switch.</summary>
public static class AccountEndpoints
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SignInOptions>().Bind(config.GetSection(SignInOptions.Section))
            .Validate(o => o.IsValid, "Dangjian:SignIn: counts and delays must be positive, MaxDelaySeconds at least FirstDelaySeconds, AccountFailureLimit between FreeFailures and 100.")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInService>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        return services.AddScoped<AccountService>().AddScoped<AccountExport>();
    }

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", GetMe).WithTags("Accounts").WithName(nameof(GetMe)).RequirePermission(Permission.AccountsOwn);
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        group.MapGet("/", ListAccounts).WithName(nameof(ListAccounts)).RequirePermission(Permission.AccountsManage);
        group.MapGet("/export", ExportAccounts).WithName(nameof(ExportAccounts)).RequirePermission(Permission.AccountsManage);
        group.MapPost("/", CreateAccount).WithName(nameof(CreateAccount)).RequirePermission(Permission.AccountsManage);
        group.MapPost("/{id}/tokens", IssueToken).WithName(nameof(IssueToken)).RequirePermission(Permission.AccountsOwn);
        group.MapDelete("/{id}/tokens/{tokenId:int}", RevokeToken).WithName(nameof(RevokeToken)).RequirePermission(Permission.AccountsOwn);
        group.MapPost("/{id}/unlock", UnlockAccount).WithName(nameof(UnlockAccount)).RequirePermission(Permission.AccountsManage);

        // Sign-out is a form post from the app bar (antiforgery checked); the language switch is a link.
        app.MapPost("/account/logout", SignOut).WithName(nameof(SignOut)).ExcludeFromDescription();
        app.MapGet("/account/culture", SetCulture).AllowAnonymous().WithName(nameof(SetCulture)).ExcludeFromDescription();
    }

    public static async Task<Ok<MeView>> GetMe(AccountService accounts, CancellationToken ct) => TypedResults.Ok(await accounts.MeAsync(ct));

    public static async Task<Ok<IReadOnlyList<AccountView>>> ListAccounts(AccountService accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(ct));

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult> ExportAccounts(AccountExport export, Common.OrgClock clock, CancellationToken ct) =>
        Common.ExcelFile.Result(await export.ListAsync(ct), "accounts", clock);

    public static async Task<Created> CreateAccount(AccountService accounts, CreateAccountRequest request, CancellationToken ct)
    {
        var id = await accounts.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/accounts/{id}");
    }

    public static async Task<Ok<IssuedToken>> IssueToken(AccountService accounts, string id, IssueTokenRequest request, CancellationToken ct) =>
        TypedResults.Ok(await accounts.IssueTokenAsync(id, request, ct));

    public static async Task<NoContent> RevokeToken(AccountService accounts, string id, int tokenId, CancellationToken ct)
    {
        await accounts.RevokeTokenAsync(id, tokenId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UnlockAccount(AccountService accounts, string id, CancellationToken ct)
    {
        await accounts.UnlockAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Signs out, only from the app's own form: a minimal API checks antiforgery only when it binds a form, and this one
    /// binds none, so the token is checked here (a cross-site page could otherwise sign anyone out).
    /// </summary>
    public static async Task<Results<RedirectHttpResult, BadRequest>> SignOut(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("~/account/login");
    }

    public static RedirectHttpResult SetCulture(HttpContext context, [FromQuery] string? c, [FromQuery] string? returnUrl)
    {
        var culture = HostSetup.Cultures.FirstOrDefault(x => x.Name == c) ?? HostSetup.Cultures[0];
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
        return TypedResults.LocalRedirect(target);
    }
}
