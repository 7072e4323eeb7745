namespace Dangjian.Domain.Dues;

/// <summary>
/// One payment record of a month (a month is the first day of it): the amount paid, and whether the branch accepted a
/// reason for not paying that month (excused). A month may have several records.
/// </summary>
public sealed record DuesPayment(DateOnly Month, decimal Paid, bool Excused = false);

/// <summary>One month of a member's ledger: what was paid, whether it was excused, whether it counts as unpaid.</summary>
public sealed record DuesLedgerMonth(DateOnly Month, decimal Paid, bool Excused, bool Unpaid);

/// <summary>
/// A member's dues ledger over a range of months (DUE-2): due, paid, arrears, the unpaid months and the longest run of
/// them, and whether that run reaches the flag. Amounts are exact; <see cref="DuesRates.Money"/> rounds them for output.
/// </summary>
public sealed record DuesLedger(
    decimal Monthly,
    decimal Due,
    decimal Paid,
    decimal Arrears,
    IReadOnlyList<DateOnly> UnpaidMonths,
    int LongestUnpaidRun,
    bool Flagged,
    IReadOnlyList<DuesLedgerMonth> Months)
{
    /// <summary>党章 第九条: 连续六个月不交纳党费 without a proper reason is treated as 自行脱党 (leaving the Party of one's own accord).</summary>
    public const int DefaultFlagAfterMonths = 6;

    /// <summary>
    /// The ledger from <paramref name="from"/> to <paramref name="to"/> (months, both inclusive). A month is unpaid when
    /// its payments add up to less than <paramref name="monthly"/> and none of them is excused; an excused month is
    /// neither due nor in arrears. Due = monthly × the months not excused; arrears = the sum over unpaid months of
    /// monthly − paid; a run of unpaid months is ended by an excused or a paid month; flagged = the longest run ≥
    /// <paramref name="flagAfterMonths"/>.
    /// </summary>
    public static DuesLedger Compute(decimal monthly, DateOnly from, DateOnly to, IEnumerable<DuesPayment> payments, int flagAfterMonths = DefaultFlagAfterMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthly);
        return Compute(_ => monthly, from, to, payments, flagAfterMonths);
    }

    /// <summary>
    /// The same ledger when the monthly dues change inside the range (a member's base is set again from a month on):
    /// each month is measured against its own <paramref name="monthlyOf"/>; due and arrears add the months' own amounts,
    /// and <see cref="Monthly"/> is the last month's.
    /// </summary>
    public static DuesLedger Compute(Func<DateOnly, decimal> monthlyOf, DateOnly from, DateOnly to, IEnumerable<DuesPayment> payments, int flagAfterMonths = DefaultFlagAfterMonths)
    {
        ArgumentNullException.ThrowIfNull(monthlyOf);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentOutOfRangeException.ThrowIfLessThan(flagAfterMonths, 1);
        if (from.Day != 1 || to.Day != 1 || from > to)
        {
            throw new ArgumentException("from and to are first days of months, from not after to", nameof(to));
        }

        var byMonth = payments.ToLookup(p => p.Month);
        if (byMonth.FirstOrDefault(g => g.Key < from || g.Key > to || g.Key.Day != 1 || g.Any(p => p.Paid < 0)) is { } stray)
        {
            throw new ArgumentException($"a payment of {stray.Key} is outside the ledger or negative", nameof(payments));
        }

        var months = new List<DuesLedgerMonth>();
        var monthlies = new Dictionary<DateOnly, decimal>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var monthly = monthlies[month] = monthlyOf(month);
            ArgumentOutOfRangeException.ThrowIfNegative(monthly, nameof(monthlyOf));
            var paid = byMonth[month].Sum(p => p.Paid);
            var excused = byMonth[month].Any(p => p.Excused);
            months.Add(new(month, paid, excused, Unpaid: !excused && paid < monthly));
        }

        var (run, longest) = (0, 0);
        foreach (var m in months)
        {
            run = m.Unpaid ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new(
            monthlies[to],
            Due: months.Where(m => !m.Excused).Sum(m => monthlies[m.Month]),
            Paid: months.Sum(m => m.Paid),
            Arrears: months.Where(m => m.Unpaid).Sum(m => monthlies[m.Month] - m.Paid),
            UnpaidMonths: [.. months.Where(m => m.Unpaid).Select(m => m.Month)],
            LongestUnpaidRun: longest,
            Flagged: longest >= flagAfterMonths,
            Months: months);
    }
}
