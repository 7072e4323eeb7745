using Dangjian.Domain.Common;
using Dangjian.Domain.Dues;

namespace Dangjian.Domain.Tests.Dues;

/// <summary>The stored dues records: a profile from a month with its history, payments and excused months, activity funds (DUE-1 … DUE-3).</summary>
public sealed class DuesRecordsTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly DuesRates Rates = DuesRates.National;

    private static DateOnly M(int month) => new(2026, month, 1);

    private static string Field(Action act) => Assert.Throws<DomainRuleException>(act).Problems[0].Field;

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(31, false)]
    public void ProfileCreate_StartsAtAMonth_ADayInsideOneRefused(int day, bool accepted)
    {
        void Act() => DuesProfile.Create(1, DuesCategory.Salaried, 4200m, null, new DateOnly(2026, 3, day), Rates, "clerk", Now);

        if (accepted)
        {
            Act();
        }
        else
        {
            Assert.Equal("fromMonth", Field(Act));
        }
    }

    [Fact]
    public void ProfileCreate_BracketCategory_NeedsABaseOf0OrMore_AndNoAmount()
    {
        Assert.Equal("base", Field(() => DuesProfile.Create(1, DuesCategory.Salaried, null, null, M(1), Rates, "clerk", Now)));
        Assert.Equal("base", Field(() => DuesProfile.Create(1, DuesCategory.Retired, -0.01m, null, M(1), Rates, "clerk", Now)));
        Assert.Equal("amount", Field(() => DuesProfile.Create(1, DuesCategory.Retired, 3000m, 1m, M(1), Rates, "clerk", Now)));
        Assert.Equal(0m, DuesProfile.Create(1, DuesCategory.Retired, 0m, null, M(1), Rates, "clerk", Now).Monthly(Rates));
    }

    [Theory]
    [InlineData("0.19", false)]
    [InlineData("0.2", true)]
    [InlineData("1", true)]
    [InlineData("1.01", false)]
    public void ProfileCreate_FarmerAmount_InsideItsRange(string amount, bool accepted)
    {
        var a = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        if (accepted)
        {
            Assert.Equal(a, DuesProfile.Create(1, DuesCategory.Farmer, null, a, M(1), Rates, "clerk", Now).Monthly(Rates));
        }
        else
        {
            Assert.Equal("amount", Field(() => DuesProfile.Create(1, DuesCategory.Farmer, null, a, M(1), Rates, "clerk", Now)));
        }
    }

    [Fact]
    public void ProfileChange_Refused_LeavesTheProfileAsItWas()
    {
        var p = DuesProfile.Create(1, DuesCategory.Salaried, 4200m, null, M(1), Rates, "clerk", Now);

        Assert.Equal("base", Field(() => p.Change(DuesCategory.Student, 100m, null, Rates, "other", Now)));

        Assert.Equal((DuesCategory.Salaried, 4200m, "clerk"), (p.Category, p.Base!.Value, p.RecordedBy));
    }

    [Fact]
    public void MonthlyOf_TheLatestProfileStartingOnOrBeforeTheMonth_NothingBeforeTheFirst()
    {
        var history = new[]
        {
            DuesProfile.Create(1, DuesCategory.Salaried, 5000m, null, M(4), Rates, "clerk", Now), // 1 %: 50.00
            DuesProfile.Create(1, DuesCategory.Salaried, 3000m, null, M(2), Rates, "clerk", Now), // 0.5 %: 15.00
        };

        var monthly = DuesProfile.MonthlyOf(history, Rates);

        Assert.Equal([0m, 15m, 15m, 50m, 50m], [.. Enumerable.Range(1, 5).Select(m => monthly(M(m)))]);
    }

    [Fact]
    public void Ledger_WithAProfileChange_EachMonthAgainstItsOwnMonthly()
    {
        var history = new[]
        {
            DuesProfile.Create(1, DuesCategory.Salaried, 3000m, null, M(1), Rates, "clerk", Now),
            DuesProfile.Create(1, DuesCategory.Salaried, 5000m, null, M(3), Rates, "clerk", Now),
        };

        var l = DuesLedger.Compute(DuesProfile.MonthlyOf(history, Rates), M(1), M(4), [new(M(1), 15m), new(M(3), 15m)]);

        Assert.Equal(15m + 15m + 50m + 50m, l.Due);
        Assert.Equal(15m + 35m + 50m, l.Arrears);
        Assert.Equal([M(2), M(3), M(4)], l.UnpaidMonths);
        Assert.Equal(50m, l.Monthly);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Payment_ForAMonth_ADayInsideOneRefused(int day, bool accepted)
    {
        void Act() => DuesPaymentRecord.Payment(1, 2, new DateOnly(2026, 5, day), 42m, Today, Today, "clerk", Now);

        if (accepted)
        {
            Act();
        }
        else
        {
            Assert.Equal("month", Field(Act));
        }
    }

    [Fact]
    public void Payment_NegativeRefused_ZeroTaken_PaidTomorrowRefused()
    {
        Assert.Equal("paid", Field(() => DuesPaymentRecord.Payment(1, 2, M(5), -0.01m, Today, Today, "clerk", Now)));
        Assert.Equal(0m, DuesPaymentRecord.Payment(1, 2, M(5), 0m, Today, Today, "clerk", Now).Paid);
        Assert.Equal("paidOn", Field(() => DuesPaymentRecord.Payment(1, 2, M(5), 42m, Today.AddDays(1), Today, "clerk", Now)));
        Assert.Equal(42.01m, DuesPaymentRecord.Payment(1, 2, M(5), 42.01m, Today, Today, "clerk", Now).Paid);
        Assert.Equal("paid", Field(() => DuesPaymentRecord.Payment(1, 2, M(5), 42.005m, Today, Today, "clerk", Now)));
    }

    [Fact]
    public void Excuse_NeedsAReason_AndCountsAsExcusedInTheLedger()
    {
        Assert.Equal("reason", Field(() => DuesPaymentRecord.Excuse(1, 2, M(5), "  ", "clerk", Now)));
        Assert.Equal("reason", Field(() => DuesPaymentRecord.Excuse(1, 2, M(5), new string('因', DuesPaymentRecord.MaxReasonLength + 1), "clerk", Now)));

        var excused = DuesPaymentRecord.Excuse(1, 2, M(5), "长期住院", "clerk", Now);

        Assert.Equal(new DuesPayment(M(5), 0m, Excused: true), excused.ToLedger());
    }

    private static ActivityFundEntry Fund(ActivityFundKind kind, decimal amount, decimal balance, string? approver = "王书记") =>
        ActivityFundEntry.Create(7, kind, amount, "主题党日", approver, Today, balance, Today, "clerk", Now);

    [Fact]
    public void Spending_UpToTheBalance_Taken_PastItRefusedOnAmount()
    {
        Assert.Equal(100m, Fund(ActivityFundKind.Spent, 100m, balance: 100m).Amount);

        var refused = Assert.Throws<DomainRuleException>(() => Fund(ActivityFundKind.Spent, 100.01m, balance: 100m));

        Assert.Equal(("amount", "Funds.OverBalance"), (refused.Problems[0].Field, refused.Problems[0].Code));
    }

    [Fact]
    public void Receiving_NeedsNoBalance_ButAnAmountAbove0_SpendingNeedsAnApprover()
    {
        Assert.Equal(500m, Fund(ActivityFundKind.Received, 500m, balance: 0m, approver: null).Amount);
        Assert.Equal("amount", Field(() => Fund(ActivityFundKind.Received, 0m, balance: 0m)));
        Assert.Equal("amount", Field(() => Fund(ActivityFundKind.Received, 0.001m, balance: 0m)));
        Assert.Equal(0.01m, Fund(ActivityFundKind.Received, 0.01m, balance: 0m).Amount);
        Assert.Equal("approver", Field(() => Fund(ActivityFundKind.Spent, 1m, balance: 10m, approver: " ")));
        Assert.Equal("on", Field(() => ActivityFundEntry.Create(7, ActivityFundKind.Received, 1m, "x", null, Today.AddDays(1), 0m, Today, "c", Now)));
    }

    [Fact]
    public void Balance_ReceivedMinusSpent()
    {
        var entries = new[] { Fund(ActivityFundKind.Received, 500m, 0m), Fund(ActivityFundKind.Spent, 120.5m, 500m), Fund(ActivityFundKind.Received, 20m, 0m) };

        Assert.Equal(399.5m, ActivityFundEntry.Balance(entries));
    }
}
