using System.Globalization;
using Dangjian.Domain.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dangjian.Domain.Tests.People;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    // 11010519491231002X, checked by hand with GB 11643-1999 / ISO 7064 MOD 11-2:
    //   digits  1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
    //   weights 7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
    //   products 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2
    //   check = (12 - 2) mod 11 = 10, written X.  Born 1949-12-31, sequence 002 (even: female).
    private const string WomanEndingInX = "11010519491231002X";

    // 110105199003071239, checked by hand the same way:
    //   digits  1  1  0  1  0  5  1  9  9  0  0  3  0  7  1  2  3
    //   products 7+9+0+5+0+20+2+9+54+0+0+27+0+35+8+8+6 = 190; 190 mod 11 = 3
    //   check = (12 - 3) mod 11 = 9.  Born 1990-03-07, sequence 123 (odd: male).
    private const string ManEndingInDigit = "110105199003071239";

    /// <summary>A number with the given parts and the right check character.</summary>
    private static string Make(string region, DateOnly birth, int sequence)
    {
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary>The same first 17 characters as <paramref name="first17"/>'s number, with the right check character.</summary>
    private static string WithCheck(string first17) => first17 + IdNumber.CheckCharacter(first17);

    [Theory]
    [InlineData(WomanEndingInX)]
    [InlineData(ManEndingInDigit)]
    public void Validate_HandCheckedNumber_IsValid(string value)
    {
        Assert.Equal(IdNumberError.None, IdNumber.Validate(value, Today));
        Assert.True(IdNumber.IsValid(value, Today));
    }

    [Fact]
    public void CheckCharacter_HandCheckedNumbers_MatchHandComputation()
    {
        Assert.Equal('X', IdNumber.CheckCharacter("11010519491231002"));
        Assert.Equal('9', IdNumber.CheckCharacter("11010519900307123"));
    }

    [Fact]
    public void CheckCharacter_AllElevenRemainders_GiveTheStandardTable()
    {
        // Varying the 17th digit (weight 2) over 0..9 and the 16th (weight 4) walks the sum's remainder mod 11
        // through every value; each remainder r must give "10X98765432"[r].
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var seen = new Dictionary<char, string>();
        for (var d16 = 0; d16 <= 9; d16++)
        {
            for (var d17 = 0; d17 <= 9; d17++)
            {
                var first17 = "110105199003071" + d16.ToString(CultureInfo.InvariantCulture) + d17.ToString(CultureInfo.InvariantCulture);
                var sum = 0;
                for (var i = 0; i < 17; i++)
                {
                    sum += (first17[i] - '0') * weights[i];
                }

                var expected = ((12 - (sum % 11)) % 11) switch { 10 => 'X', var n => (char)('0' + n) };
                var actual = IdNumber.CheckCharacter(first17);
                Assert.Equal(expected, actual);
                seen[actual] = first17;
            }
        }

        Assert.Equal(11, seen.Count);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(18)]
    public void CheckCharacter_NotSeventeenCharacters_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => IdNumber.CheckCharacter(new string('1', length)));
    }

    [Fact]
    public void Validate_BuiltNumberEndingInX_IsValid()
    {
        // 1949-12-31 with sequence 002 from region 110105 gives X (see above); build it rather than copy it.
        var value = Make("110105", new DateOnly(1949, 12, 31), 2);
        Assert.Equal(WomanEndingInX, value);
        Assert.Equal(IdNumberError.None, IdNumber.Validate(value, Today));
    }

    [Theory]
    [InlineData("32010219850615003")] // 17 characters
    [InlineData("3201021985061500321")] // 19 characters
    [InlineData("")]
    [InlineData(null)]
    public void Validate_WrongLength_ReturnsLength(string? value)
    {
        Assert.Equal(IdNumberError.Length, IdNumber.Validate(value, Today));
    }

    [Fact]
    public void Validate_SeventeenDigitsOfValidNumber_ReturnsLength()
    {
        Assert.Equal(IdNumberError.Length, IdNumber.Validate(ManEndingInDigit[..17], Today));
        Assert.Equal(IdNumberError.Length, IdNumber.Validate(ManEndingInDigit + "0", Today));
    }

    [Theory]
    [InlineData("1101051990030712A9")] // letter among the first 17
    [InlineData("X10105199003071239")] // X is allowed only last
    [InlineData("11010519900307123Y")] // last neither digit nor X
    [InlineData("11010519900307123-")]
    [InlineData("１10105199003071239")] // full-width digit one
    public void Validate_NonDigits_ReturnsFormat(string value)
    {
        Assert.Equal(IdNumberError.Format, IdNumber.Validate(value, Today));
    }

    [Fact]
    public void Validate_LowercaseX_IsAcceptedAndNormalizedToUppercase()
    {
        var lower = WomanEndingInX.ToLowerInvariant();
        Assert.Equal(IdNumberError.None, IdNumber.Validate(lower, Today));
        Assert.Equal(WomanEndingInX, IdNumber.Normalize(lower));
    }

    [Fact]
    public void Validate_SurroundingBlanks_AreTrimmed()
    {
        Assert.Equal(IdNumberError.None, IdNumber.Validate("  " + ManEndingInDigit + " ", Today));
        Assert.Equal(ManEndingInDigit, IdNumber.Normalize(" " + ManEndingInDigit + "\t"));
    }

    [Theory]
    [InlineData("19900230")] // 30 February
    [InlineData("19901301")] // month 13
    [InlineData("19900001")] // month 0
    [InlineData("19900100")] // day 0
    [InlineData("19900431")] // 31 April
    [InlineData("19010229")] // 1901 is not a leap year
    public void Validate_ImpossibleDate_ReturnsBirthDate(string yyyymmdd)
    {
        var value = WithCheck("110105" + yyyymmdd + "123");
        Assert.Equal(IdNumberError.BirthDate, IdNumber.Validate(value, Today));
    }

    [Fact]
    public void Validate_LeapDay_IsValid()
    {
        Assert.Equal(IdNumberError.None, IdNumber.Validate(Make("110105", new DateOnly(2000, 2, 29), 123), Today));
    }

    [Fact]
    public void Validate_BornToday_IsValid()
    {
        Assert.Equal(IdNumberError.None, IdNumber.Validate(Make("110105", Today, 123), Today));
    }

    [Fact]
    public void Validate_BornTomorrow_ReturnsBirthDate()
    {
        Assert.Equal(IdNumberError.BirthDate, IdNumber.Validate(Make("110105", Today.AddDays(1), 123), Today));
    }

    [Fact]
    public void Validate_BornFirstDayOf1900_IsValid()
    {
        Assert.Equal(IdNumberError.None, IdNumber.Validate(Make("110105", new DateOnly(1900, 1, 1), 123), Today));
    }

    [Fact]
    public void Validate_BornLastDayOf1899_ReturnsBirthDate()
    {
        Assert.Equal(IdNumberError.BirthDate, IdNumber.Validate(Make("110105", new DateOnly(1899, 12, 31), 123), Today));
    }

    [Theory]
    [InlineData("010105")]
    [InlineData("000000")]
    [InlineData("000001")]
    public void Validate_RegionStartingWithZero_ReturnsRegion(string region)
    {
        Assert.Equal(IdNumberError.Region, IdNumber.Validate(Make(region, new DateOnly(1990, 3, 7), 123), Today));
    }

    [Theory]
    [InlineData("100000")]
    [InlineData("900000")]
    public void Validate_RegionStartingOneToNine_IsValid(string region)
    {
        Assert.Equal(IdNumberError.None, IdNumber.Validate(Make(region, new DateOnly(1990, 3, 7), 123), Today));
    }

    [Theory]
    [InlineData(ManEndingInDigit, "110105199003071238")] // 9 → 8
    [InlineData(ManEndingInDigit, "11010519900307123X")] // 9 → X
    [InlineData(WomanEndingInX, "110105194912310029")] // X → 9
    [InlineData(WomanEndingInX, "110105194912310020")] // X → 0
    public void Validate_CheckCharacterOffByOne_ReturnsChecksum(string valid, string altered)
    {
        Assert.True(IdNumber.IsValid(valid, Today));
        Assert.Equal(IdNumberError.Checksum, IdNumber.Validate(altered, Today));
    }

    [Fact]
    public void Validate_TwoBodyDigitsSwapped_ReturnsChecksum()
    {
        // 1990-03-07 and 1990-07-03 are both real dates; swapping the 3 and 7 must still be caught.
        Assert.Equal(IdNumberError.Checksum, IdNumber.Validate("110105199007031239", Today));
    }

    [Fact]
    public void Mask_FullNumber_KeepsFirstThreeAndLastFour()
    {
        Assert.Equal("110***********002X", IdNumber.Mask(WomanEndingInX));
        Assert.Equal("110***********1239", IdNumber.Mask(ManEndingInDigit));
    }

    [Fact]
    public void Mask_FullNumber_HidesBirthDate()
    {
        var masked = IdNumber.Mask(ManEndingInDigit);
        Assert.Equal(18, masked.Length);
        Assert.DoesNotContain("19900307", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("1234567", "*******")]
    [InlineData("12345678", "123*5678")]
    public void Mask_ShortValues_NeverShowMoreThanSevenCharacters(string? value, string expected)
    {
        Assert.Equal(expected, IdNumber.Mask(value));
    }

    [Theory]
    [InlineData(WomanEndingInX, Gender.Female)] // sequence 002
    [InlineData(ManEndingInDigit, Gender.Male)] // sequence 123
    public void GenderOf_SequenceParity_GivesSex(string value, Gender expected)
    {
        Assert.Equal(expected, IdNumber.GenderOf(value));
    }

    [Theory]
    [InlineData(0, Gender.Female)]
    [InlineData(1, Gender.Male)]
    [InlineData(8, Gender.Female)]
    [InlineData(9, Gender.Male)]
    public void GenderOf_SeventeenthDigit_DecidesSex(int lastSequenceDigit, Gender expected)
    {
        Assert.Equal(expected, IdNumber.GenderOf(Make("110105", new DateOnly(1990, 3, 7), 120 + lastSequenceDigit)));
    }

    [Fact]
    public void BirthDateOf_ValidNumber_ReadsCharactersSevenToFourteen()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.BirthDateOf(WomanEndingInX));
        Assert.Equal(new DateOnly(1990, 3, 7), IdNumber.BirthDateOf(ManEndingInDigit));
    }

    [Theory]
    [InlineData("110105199002301239")] // 30 February
    [InlineData("1101051990")] // too short to hold a date
    public void BirthDateOf_NoRealDate_ReturnsNull(string value)
    {
        Assert.Null(IdNumber.BirthDateOf(value));
    }

    /// <summary>17 characters with a region of first digit 1–9 and a birth date from 1900 to today.</summary>
    private static Arbitrary<string> ValidFirst17() =>
        (from first in Gen.Choose(1, 9)
         from rest in Gen.Choose(0, 99_999)
         from days in Gen.Choose(0, Today.DayNumber - Earliest.DayNumber)
         from sequence in Gen.Choose(0, 999)
         select first.ToString(CultureInfo.InvariantCulture)
             + rest.ToString("00000", CultureInfo.InvariantCulture)
             + Earliest.AddDays(days).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
             + sequence.ToString("000", CultureInfo.InvariantCulture))
        .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property CheckCharacter_AnyValidBody_OnlyThatCharacterCompletesIt() =>
        Prop.ForAll(ValidFirst17(), first17 =>
        {
            var check = IdNumber.CheckCharacter(first17);
            var rightIsValid = IdNumber.Validate(first17 + check, Today) == IdNumberError.None;
            var everyOtherIsChecksum = "0123456789X"
                .Where(c => c != check)
                .All(c => IdNumber.Validate(first17 + c, Today) == IdNumberError.Checksum);
            return rightIsValid && everyOtherIsChecksum;
        });
}
