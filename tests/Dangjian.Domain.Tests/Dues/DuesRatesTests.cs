using System.Globalization;
using Dangjian.Domain.Common;
using Dangjian.Domain.Dues;

namespace Dangjian.Domain.Tests.Dues;

/// <summary>The monthly dues of 中组发〔2008〕3号 (DUE-1) on each side of every bracket edge, and the rule data's checks.</summary>
public sealed class DuesRatesTests
{
    [Theory]
    // 在职: ≤ 3000 0.5 %; ≤ 5000 1 %; ≤ 10000 1.5 %; above 2 %, each rate on the whole base (a cliff, not progressive).
    [InlineData("3000", "15.00")]       // 3000 × 0.5 %
    [InlineData("3000.01", "30.00")]    // 3000.01 × 1 % = 30.0001
    [InlineData("5000", "50.00")]       // 5000 × 1 %
    [InlineData("5000.01", "75.00")]    // 5000.01 × 1.5 % = 75.00015
    [InlineData("10000", "150.00")]     // 10000 × 1.5 %
    [InlineData("10000.01", "200.00")]  // 10000.01 × 2 % = 200.0002
    [InlineData("0", "0.00")]
    public void Monthly_Salaried_AtEachBracketEdge(string baseIncome, string monthly) =>
        AssertMoney(monthly, DuesRates.National.Monthly(DuesCategory.Salaried, decimal.Parse(baseIncome, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("5000", "25.00")]       // 5000 × 0.5 %
    [InlineData("5000.01", "50.00")]    // 5000.01 × 1 % = 50.0001
    public void Monthly_Retired_AtTheBracketEdge(string pension, string monthly) =>
        AssertMoney(monthly, DuesRates.National.Monthly(DuesCategory.Retired, decimal.Parse(pension, CultureInfo.InvariantCulture)));

    [Fact]
    public void Monthly_HalfWay_RoundsAwayFromZero()
    {
        // 1235 × 0.5 % = 6.175: half away from zero gives 6.18 (banker's rounding would give 6.18 too, so 1237 × 0.5 % =
        // 6.185 checks the other side: banker's gives 6.18, away from zero 6.19).
        AssertMoney("6.18", DuesRates.National.Monthly(DuesCategory.Salaried, 1235m));
        AssertMoney("6.19", DuesRates.National.Monthly(DuesCategory.Salaried, 1237m));
        // Just under half way rounds down: 1234.99 × 0.5 % = 6.17495.
        AssertMoney("6.17", DuesRates.National.Monthly(DuesCategory.Salaried, 1234.99m));
    }

    [Fact]
    public void Monthly_Farmer_IsTheAmount_DefaultTheMinimum()
    {
        Assert.Equal(0.2m, DuesRates.National.Monthly(DuesCategory.Farmer, null));
        Assert.Equal(0.5m, DuesRates.National.Monthly(DuesCategory.Farmer, null, 0.5m));
        Assert.Equal(1m, DuesRates.National.Monthly(DuesCategory.Farmer, null, 1m));
        Assert.Throws<ArgumentException>(() => DuesRates.National.Monthly(DuesCategory.Farmer, null, 1.01m));
        Assert.Throws<ArgumentException>(() => DuesRates.National.Monthly(DuesCategory.Farmer, null, 0.19m));
    }

    [Theory]
    [InlineData(DuesCategory.Student)]
    [InlineData(DuesCategory.Unemployed)]
    [InlineData(DuesCategory.Subsistence)]
    public void Monthly_FixedPointTwo_NothingElse(DuesCategory category)
    {
        Assert.Equal(0.2m, DuesRates.National.Monthly(category, null));
        Assert.Throws<ArgumentException>(() => DuesRates.National.Monthly(category, null, 0.21m));
    }

    [Fact]
    public void Monthly_BracketCategory_NeedsABase_AndTakesNoAmount()
    {
        Assert.Throws<ArgumentException>(() => DuesRates.National.Monthly(DuesCategory.Salaried, null));
        Assert.Throws<ArgumentException>(() => DuesRates.National.Monthly(DuesCategory.Retired, -0.01m));
        Assert.Throws<ArgumentException>(() => DuesRates.National.Monthly(DuesCategory.Salaried, 1000m, 5m));
    }

    [Fact]
    public void Replacing_ChangesOnlyTheCategoriesNamed()
    {
        var rates = DuesRates.National.Replacing(
            new Dictionary<DuesCategory, IReadOnlyList<DuesBracket>> { [DuesCategory.Salaried] = [new(4000m, 0.005m), new(null, 0.01m)] },
            new Dictionary<DuesCategory, FixedDuesRange> { [DuesCategory.Student] = new(0.5m, 0.5m) });

        AssertMoney("20.00", rates.Monthly(DuesCategory.Salaried, 4000m));
        AssertMoney("40.00", rates.Monthly(DuesCategory.Salaried, 4000.01m));
        AssertMoney("25.00", rates.Monthly(DuesCategory.Retired, 5000m));
        Assert.Equal(0.5m, rates.Monthly(DuesCategory.Student, null));
        Assert.Equal(0.2m, rates.Monthly(DuesCategory.Unemployed, null));
        Assert.Equal(1m, rates.Fixed(DuesCategory.Farmer).Max);
        // The national defaults themselves are untouched.
        AssertMoney("40.00", DuesRates.National.Monthly(DuesCategory.Salaried, 4000m));
    }

    [Fact]
    public void Replacing_AFixedCategoryWithBrackets_IsRefused() =>
        Assert.Throws<ArgumentException>(() => DuesRates.National.Replacing(
            new Dictionary<DuesCategory, IReadOnlyList<DuesBracket>> { [DuesCategory.Farmer] = [new(null, 0.01m)] }, null));

    [Fact]
    public void CheckBrackets_TheNationalOnes_Pass()
    {
        Assert.Empty(DuesRates.CheckBrackets("b", DuesRates.National.Brackets(DuesCategory.Salaried)));
        Assert.Empty(DuesRates.CheckBrackets("b", DuesRates.National.Brackets(DuesCategory.Retired)));
        Assert.Empty(DuesRates.CheckBrackets("b", [new(null, 0m)]));
    }

    [Fact]
    public void CheckBrackets_NamesEachFault()
    {
        Assert.Equal(["b[1].upTo"], Fields(DuesRates.CheckBrackets("b", [new(3000m, 0.005m), new(3000m, 0.01m), new(null, 0.02m)])));
        Assert.Equal(["b[1].upTo"], Fields(DuesRates.CheckBrackets("b", [new(3000m, 0.005m), new(2000m, 0.01m), new(null, 0.02m)])));
        Assert.Equal(["b"], Fields(DuesRates.CheckBrackets("b", [new(3000m, 0.005m), new(5000m, 0.01m)])));
        Assert.Equal(["b"], Fields(DuesRates.CheckBrackets("b", [])));
        Assert.Equal(["b[0].upTo"], Fields(DuesRates.CheckBrackets("b", [new(null, 0.005m), new(null, 0.01m)])));
        Assert.Equal(["b[1].rate"], Fields(DuesRates.CheckBrackets("b", [new(3000m, 0.005m), new(null, -0.01m)])));
        Assert.Equal(["b[0].upTo"], Fields(DuesRates.CheckBrackets("b", [new(-1m, 0.005m), new(null, 0.01m)])));
    }

    [Fact]
    public void CheckFixed_MinNotNegative_MaxNotBelowMin()
    {
        Assert.Empty(DuesRates.CheckFixed("f", new(0.2m, 0.2m)));
        Assert.Equal(["f.max"], Fields(DuesRates.CheckFixed("f", new(0.2m, 0.19m))));
        Assert.Equal(["f.min"], Fields(DuesRates.CheckFixed("f", new(-0.01m, 1m))));
    }

    [Fact]
    public void Money_RoundsHalfAwayFromZero_WithTwoPlaces()
    {
        Assert.Equal("42.00", DuesRates.Money(42m).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.50", DuesRates.Money(0.5m).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("50.01", DuesRates.Money(50.005m).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("50.00", DuesRates.Money(50.00499m).ToString(CultureInfo.InvariantCulture));
    }

    private static string[] Fields(IReadOnlyList<ContractError> errors) => [.. errors.Select(e => e.Field)];

    /// <summary>The amount and its written form: 15.00, not 15 or 15.000.</summary>
    private static void AssertMoney(string expected, decimal actual) =>
        Assert.Equal(expected, actual.ToString(CultureInfo.InvariantCulture));
}
