using System.Security.Cryptography;
using System.Text;

namespace Dangjian.Domain.Secrecy;

/// <summary>
/// The token of a public link handed out by staff: a democratic life meeting's opinion form (DLM-1), an evaluation's
/// publicity page (EVA-9) and an open-link survey (SRV-1). A random token, shown to staff once and stored only as its
/// SHA-256, so a link cannot be guessed from a record's id and a copy of the database does not reveal it.
/// </summary>
public static class PublicLinkToken
{
    /// <summary>The length of a token: 32 random bytes as URL-safe base64 without padding.</summary>
    public const int Length = 43;

    /// <summary>A new token (256 bits from the system's secure generator).</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The stored form (64 hex digits); null for text that cannot be a token, so it is never looked up.</summary>
    public static string? Hash(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)))
            : null;
}
