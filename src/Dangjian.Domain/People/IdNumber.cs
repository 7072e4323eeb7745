using System.Globalization;

namespace Dangjian.Domain.People;

public enum IdNumberError
{
    None = 0,

    /// <summary>Not 18 characters.</summary>
    Length,

    /// <summary>The first 17 are not all digits, or the last is not a digit or X.</summary>
    Format,

    /// <summary>The region code (first six digits) cannot be one (first digit 1–9, not 000000).</summary>
    Region,

    /// <summary>Characters 7–14 are not a real date, or a date in the future or before 1900.</summary>
    BirthDate,

    /// <summary>The 18th character does not match the ISO 7064 MOD 11-2 check.</summary>
    Checksum,
}

/// <summary>
/// 公民身份号码 as GB 11643-1999 defines it: 6-digit region code, 8-digit birth date (yyyyMMdd),
/// 3-digit sequence (odd for men, even for women) and a check character computed by ISO 7064 MOD 11-2.
/// </summary>
public static class IdNumber
{
    // GB 11643-1999 §8.2: weights Wi = 2^(17-i) mod 11, check = (12 - (Σ ai·Wi mod 11)) mod 11, 10 written as X.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Upper-cases a trailing x and trims blanks, the only forgiveness allowed.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static IdNumberError Validate(string? value, DateOnly today)
    {
        if (value is null)
        {
            return IdNumberError.Length;
        }

        var v = Normalize(value);
        if (v.Length != 18)
        {
            return IdNumberError.Length;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(v[i]))
            {
                return IdNumberError.Format;
            }
        }

        if (!char.IsAsciiDigit(v[17]) && v[17] != 'X')
        {
            return IdNumberError.Format;
        }

        if (v[0] == '0' || v.StartsWith("000000", StringComparison.Ordinal))
        {
            return IdNumberError.Region;
        }

        if (BirthDateOf(v) is not { } birth || birth > today || birth.Year < 1900)
        {
            return IdNumberError.BirthDate;
        }

        return v[17] == CheckCharacter(v.AsSpan(0, 17)) ? IdNumberError.None : IdNumberError.Checksum;
    }

    public static bool IsValid(string? value, DateOnly today) => Validate(value, today) == IdNumberError.None;

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public static DateOnly? BirthDateOf(string value) =>
        value.Length >= 14 && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>The sequence code's parity gives the sex: odd men, even women.</summary>
    public static Gender GenderOf(string value) => (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>
    /// The form shown to everyone but district admins, and the only form that reaches the audit log:
    /// the first three and last four characters, the birth date and sequence hidden ("320***********123X").
    /// </summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.Length <= 7
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
    }
}
