namespace Dangjian.Domain.Accounts;

/// <summary>
/// A bearer token an admin issued to an account for scripts (ORG-5 API). Only the SHA-256 of the
/// secret is stored; the secret is shown once when issued. Revoked tokens are kept, marked.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "dj_";

    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>Hex SHA-256 of the secret.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
