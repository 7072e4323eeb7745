using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dangjian.Domain.Secrecy;

namespace Dangjian.Domain.Supervision;

/// <summary>
/// The report box's two codes (SUP-1). The case number (<c>JB-XXXXX-XXXXX</c>) names a case to staff and to the reporter;
/// it is drawn at random, so it neither counts the cases nor orders them by filing, and 31^10 ≈ 8·10^14 numbers leave nothing
/// to enumerate. The follow-up secret (<c>XXXXX-XXXXX</c>, again 31^10) is shown to the reporter once and stored
/// only as a salted PBKDF2 hash: staff see case numbers, so the number alone must not open the answers, and a copy of the
/// database must not yield the secrets (at 600 000 rounds a copy's owner tries a few thousand secrets a second per
/// machine, against 8·10^14). Both use the one-time code alphabet (no look-alikes; <see cref="AccessCode"/>).
/// </summary>
public static class ReportSecret
{
    /// <summary>The prefix of a case number: 举报 (jǔbào).</summary>
    public const string CaseNumberPrefix = "JB";

    /// <summary>PBKDF2-HMAC-SHA256 rounds: the OWASP password-storage figure for this function (600 000).</summary>
    public const int Iterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>
    /// Stands in for the stored hash of an unknown case, so following one costs the same derivation as a wrong secret. Its
    /// hash bytes are random, not derived: no secret derives to them (a 2^-256 chance), and making it costs no derivation
    /// that the first unknown case would pay for.
    /// </summary>
    private static readonly string DecoyHash = Stored(RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));

    /// <summary>A new case number in its stored form: the prefix and a one-time code's ten random symbols, no dashes.</summary>
    public static string NewCaseNumber() => CaseNumberPrefix + AccessCode.NewCode();

    /// <summary>A new follow-up secret (ten symbols, no dashes), to be hashed and shown once.</summary>
    public static string NewSecret() => AccessCode.NewCode();

    /// <summary>A case number as typed (any case, spaces and dashes ignored) in its stored form; null when it cannot be one.</summary>
    public static string? NormalizeCaseNumber(string? typed)
    {
        var text = typed?.Trim();
        return text is { Length: > 2 } && text.StartsWith(CaseNumberPrefix, StringComparison.OrdinalIgnoreCase)
            && AccessCode.Normalize(text[CaseNumberPrefix.Length..]) is { } code
            ? CaseNumberPrefix + code
            : null;
    }

    /// <summary>A secret as typed in its canonical form; null when it cannot be one.</summary>
    public static string? NormalizeSecret(string? typed) => AccessCode.Normalize(typed);

    /// <summary>A case number for a slip or a page: JB-ABCDE-FGHJK.</summary>
    public static string DisplayCaseNumber(string caseNumber) =>
        caseNumber.StartsWith(CaseNumberPrefix, StringComparison.Ordinal)
            ? CaseNumberPrefix + "-" + AccessCode.Display(caseNumber[CaseNumberPrefix.Length..])
            : caseNumber;

    /// <summary>A secret for the reporter's slip: ABCDE-FGHJK.</summary>
    public static string DisplaySecret(string secret) => AccessCode.Display(secret);

    /// <summary>The stored form of a secret: <c>pbkdf2-sha256$rounds$salt$hash</c> (base64), a fresh random salt each time.</summary>
    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Stored(salt, Derive(secret, salt, Iterations));
    }

    /// <summary>
    /// Whether <paramref name="typed"/> is the secret behind <paramref name="stored"/>, compared in constant time. A null
    /// <paramref name="stored"/> (no such case) or a typed text that cannot be a secret still derives once against a
    /// decoy, so neither the answer nor its time tells an unknown case from a wrong secret.
    /// </summary>
    public static bool Matches(string? stored, string? typed)
    {
        var secret = NormalizeSecret(typed);
        var known = stored is not null && secret is not null;
        var parts = (known ? stored! : DecoyHash).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 1
            || !TryBase64(parts[2], out var salt) || !TryBase64(parts[3], out var expected))
        {
            return false;
        }

        var actual = Derive(secret ?? string.Empty, salt, rounds);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && known;
    }

    private static string Stored(byte[] salt, byte[] hash) =>
        string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));

    private static byte[] Derive(string secret, byte[] salt, int rounds) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, rounds, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
