using Dangjian.Domain.Accounts;

namespace Dangjian.Web.Features.Accounts;

public sealed record GrantView(AccountRole Role, int OrganizationId, string OrganizationName);

public sealed record MeView(string UserId, string UserName, string DisplayName, int? PersonId, IReadOnlyList<GrantView> Roles, bool SeesFullIdNumbers);

/// <summary>An account as its managers see it; <see cref="CanManage"/> when every role lies in the caller's account scope (tokens, unlock).</summary>
public sealed record AccountView(string Id, string UserName, string DisplayName, int? PersonId, bool LockedOut, IReadOnlyList<GrantView> Roles, IReadOnlyList<TokenView> Tokens, bool CanManage);

public sealed record TokenView(int Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record GrantRequest(AccountRole? Role, int? OrganizationId);

public sealed record CreateAccountRequest(string? UserName, string? DisplayName, string? Password, int? PersonId, IReadOnlyList<GrantRequest>? Roles);

public sealed record IssueTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>The secret is in this answer only; it is stored hashed.</summary>
public sealed record IssuedToken(int Id, string Name, string Token, DateTimeOffset? ExpiresAt);

/// <summary>Strings of the account pages (AccountText.resx, AccountText.en.resx).</summary>
public sealed class AccountText;
