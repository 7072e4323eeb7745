using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Accounts;

/// <summary>
/// Bearer tokens for scripts (ORG-5 API): "Authorization: Bearer dj_…". The token's SHA-256 is looked
/// up; a revoked, expired or unknown token, or a locked-out account, is refused. The principal carries
/// the account's id and name, and the issuer's name when a district admin issued it for the account, so every
/// change made with it is logged as that admin acting as the account; its scope comes from role assignments like
/// any sign-in's.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DangjianDbContext db,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a Dangjian token.");
        }

        var hash = Hash(secret);
        var now = time.GetUtcNow();
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Id, u.UserName, u.LockoutEnd })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsableAt(now) || found.LockoutEnd > now)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        var holder = found.UserName ?? found.Id;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, found.Id), new Claim(ClaimTypes.Name, holder)], SchemeName);
        if (found.Token.IsActingAs(holder))
        {
            identity.AddClaim(new Claim(CurrentUser.TokenIssuerClaim, found.Token.CreatedBy));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new secret: the prefix and 32 random bytes, URL-safe.</summary>
    public static string NewSecret() =>
        ApiToken.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
