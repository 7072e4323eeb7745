using System.Security.Cryptography;
using System.Text;

namespace Dangjian.Domain.Secrecy;

/// <summary>
/// One-time access codes and receipts (GLOSSARY: AccessCode, Receipt). Codes are drawn from a cryptographic random
/// source over an alphabet without look-alikes (no 0/O, 1/I/L), so they can be read off a slip and typed on a phone.
/// </summary>
public static class AccessCode
{
    /// <summary>31 symbols: digits 2–9 and capitals without I, L, O.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Code length: 31^10 ≈ 8·10^14, so guessing a live code among a few thousand is hopeless.</summary>
    public const int CodeLength = 10;

    /// <summary>Receipt length: 31^8 ≈ 8.5·10^11; unique within a box.</summary>
    public const int ReceiptLength = 8;

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    public static string NewReceipt() => RandomNumberGenerator.GetString(Alphabet, ReceiptLength);

    /// <summary>
    /// What a user typed, as a code: spaces and dashes dropped, upper case, look-alikes mapped (O→0 is not in the
    /// alphabet, so O, I, L stay invalid). Null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var sb = new StringBuilder(CodeLength);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var u = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(u, StringComparison.Ordinal))
            {
                return null;
            }

            sb.Append(u);
        }

        return sb.Length == CodeLength ? sb.ToString() : null;
    }

    /// <summary>Formats a code for a slip: ABCDE-FGHJK.</summary>
    public static string Display(string code) => code.Length == CodeLength ? $"{code[..5]}-{code[5..]}" : code;

    /// <summary>The stored form of a code: SHA-256 over the box key and the code, so a code is only good in its box.</summary>
    public static string Hash(string boxKey, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(boxKey + "\n" + code)));
}
