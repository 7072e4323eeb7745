using Dangjian.Domain.Accounts;

namespace Dangjian.Web.Features.Accounts;

public sealed record GrantView(AccountRole Role, int OrganizationId, string OrganizationName);

public sealed record MeView(string UserId, string UserName, string DisplayName, int? PersonId, IReadOnlyList<GrantView> Roles, bool SeesFullIdNumbers);

/// <summary>
/// An account as its managers see it. <see cref="LockedOut"/>: sign-in is held back (an Identity lockout, or waits after
/// failed sign-ins). <see cref="CanManage"/> when every role lies in the caller's account scope (unlock, revoke);
/// <see cref="CanIssueToken"/> for the caller's own account, or a district admin's for one they manage.
/// </summary>
public sealed record AccountView(
    string Id, string UserName, string DisplayName, int? PersonId, bool LockedOut, IReadOnlyList<GrantView> Roles, IReadOnlyList<TokenView> Tokens, bool CanManage,
    bool CanIssueToken = false, bool IsOwn = false);

public sealed record TokenView(int Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record GrantRequest(AccountRole? Role, int? OrganizationId);

public sealed record CreateAccountRequest(string? UserName, string? DisplayName, string? Password, int? PersonId, IReadOnlyList<GrantRequest>? Roles);

public sealed record IssueTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>The secret is in this answer only; it is stored hashed.</summary>
public sealed record IssuedToken(int Id, string Name, string Token, DateTimeOffset? ExpiresAt);

/// <summary>Strings of the account pages (AccountText.resx, AccountText.en.resx).</summary>
public sealed class AccountText;
