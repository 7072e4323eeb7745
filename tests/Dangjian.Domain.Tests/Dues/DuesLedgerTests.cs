using Dangjian.Domain.Dues;

namespace Dangjian.Domain.Tests.Dues;

/// <summary>The month-by-month dues ledger (DUE-2): unpaid and excused months, arrears, runs and the 6-month flag (党章 第九条).</summary>
public sealed class DuesLedgerTests
{
    private static readonly DateOnly Jan = new(2026, 1, 1);

    private static DateOnly M(int month) => new(2026, month, 1);

    private static DuesPayment Paid(int month, decimal paid) => new(M(month), paid);

    private static DuesPayment Excused(int month) => new(M(month), 0m, Excused: true);

    [Fact]
    public void Compute_PaidTwoOfSix_FourUnpaid()
    {
        var l = DuesLedger.Compute(42m, Jan, M(6), [Paid(1, 42m), Paid(2, 42m)]);

        Assert.Equal(252m, l.Due);
        Assert.Equal(84m, l.Paid);
        Assert.Equal(168m, l.Arrears);
        Assert.Equal([M(3), M(4), M(5), M(6)], l.UnpaidMonths);
        Assert.Equal(4, l.LongestUnpaidRun);
        Assert.False(l.Flagged);
    }

    [Fact]
    public void Compute_PaidLessThanMonthly_IsUnpaid_ArrearsTheShortfall_PaymentsOfAMonthAdd()
    {
        var l = DuesLedger.Compute(42m, Jan, M(2), [Paid(1, 41.99m), Paid(2, 20m), Paid(2, 22m)]);

        Assert.Equal([M(1)], l.UnpaidMonths);
        Assert.Equal(0.01m, l.Arrears);
        Assert.Equal(83.99m, l.Paid);
        Assert.False(l.Months[1].Unpaid);
    }

    [Fact]
    public void Compute_Overpaid_IsPaid_AndNoNegativeArrears()
    {
        var l = DuesLedger.Compute(42m, Jan, M(2), [Paid(1, 100m)]);

        Assert.Equal([M(2)], l.UnpaidMonths);
        Assert.Equal(42m, l.Arrears);
        Assert.Equal(100m, l.Paid);
    }

    [Fact]
    public void Compute_ExcusedMonth_NeitherDueNorInArrears_AndEndsARun()
    {
        // Unpaid Jan, Feb, excused Mar, unpaid Apr–Jun: runs of 2 and 3, not one of 5.
        var l = DuesLedger.Compute(50.01m, Jan, M(6), [Excused(3)]);

        Assert.Equal(5 * 50.01m, l.Due);
        Assert.Equal(250.05m, l.Arrears);
        Assert.Equal([M(1), M(2), M(4), M(5), M(6)], l.UnpaidMonths);
        Assert.Equal(3, l.LongestUnpaidRun);
    }

    [Fact]
    public void Compute_ExcusedWithAPartPayment_IsStillExcused()
    {
        var l = DuesLedger.Compute(42m, Jan, Jan, [Paid(1, 10m), Excused(1)]);

        Assert.Empty(l.UnpaidMonths);
        Assert.Equal(0m, l.Due);
        Assert.Equal(0m, l.Arrears);
        Assert.Equal(10m, l.Paid);
    }

    [Fact]
    public void Compute_APaidMonth_EndsARun()
    {
        // Unpaid Jan–Mar, paid Apr, unpaid May–Sep: 3, then 5.
        var l = DuesLedger.Compute(1m, Jan, M(9), [Paid(4, 1m)]);

        Assert.Equal(5, l.LongestUnpaidRun);
        Assert.False(l.Flagged);
    }

    [Fact]
    public void Compute_FiveUnpaidInARow_NotFlagged_SixFlagged()
    {
        Assert.False(DuesLedger.Compute(0.2m, Jan, M(6), [Paid(6, 0.2m)]).Flagged);
        var six = DuesLedger.Compute(0.2m, Jan, M(7), [Paid(7, 0.2m)]);
        Assert.Equal(6, six.LongestUnpaidRun);
        Assert.True(six.Flagged);
    }

    [Fact]
    public void Compute_FlagAfterMonths_IsRuleData()
    {
        Assert.True(DuesLedger.Compute(1m, Jan, M(3), [], flagAfterMonths: 3).Flagged);
        Assert.False(DuesLedger.Compute(1m, Jan, M(3), [], flagAfterMonths: 4).Flagged);
    }

    [Fact]
    public void Compute_RunAcrossAYearEnd_Counts()
    {
        var l = DuesLedger.Compute(1m, new(2025, 9, 1), M(2), []);

        Assert.Equal(6, l.LongestUnpaidRun);
        Assert.True(l.Flagged);
    }

    [Fact]
    public void Compute_ZeroMonthly_NothingUnpaid()
    {
        var l = DuesLedger.Compute(0m, Jan, M(12), []);

        Assert.Empty(l.UnpaidMonths);
        Assert.Equal(0, l.LongestUnpaidRun);
    }

    [Fact]
    public void Compute_APaymentOutsideTheRange_OrNegative_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => DuesLedger.Compute(1m, Jan, M(6), [Paid(7, 1m)]));
        Assert.Throws<ArgumentException>(() => DuesLedger.Compute(1m, Jan, M(6), [Paid(1, -1m)]));
        Assert.Throws<ArgumentException>(() => DuesLedger.Compute(1m, M(6), Jan, []));
    }
}
