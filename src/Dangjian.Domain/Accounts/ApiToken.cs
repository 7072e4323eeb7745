namespace Dangjian.Domain.Accounts;

/// <summary>
/// A bearer token for scripts (ORG-5 API), issued by the account's holder or by a district admin for it. Only the
/// SHA-256 of the secret is stored; the secret is shown once when issued. Revoked tokens are kept, marked.
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

    /// <summary>The user name of whoever issued it: the holder, or the district admin who acts as the holder with it.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Whether someone other than <paramref name="holderUserName"/> issued it, so its calls act on that issuer's authority.</summary>
    public bool IsActingAs(string holderUserName) => !string.Equals(CreatedBy, holderUserName, StringComparison.Ordinal);

    /// <summary>
    /// The audit log's "who" for a call made with a token: the holder's name, or "issuer as holder" when another
    /// account issued it, so the log names the person who could use it as well as the account it acted for.
    /// User names cannot contain spaces, so the form is unambiguous.
    /// </summary>
    public static string ActorName(string holderUserName, string issuerUserName) =>
        string.Equals(holderUserName, issuerUserName, StringComparison.Ordinal) ? holderUserName : $"{issuerUserName}{ActingAsSeparator}{holderUserName}";

    public const string ActingAsSeparator = " as ";
}
