using Dangjian.Domain.Common;

namespace Dangjian.Domain.Dues;

/// <summary>
/// One record of a member's month (DUE-2): an amount paid on a day, or the month excused with the reason the branch
/// accepted (党章 第九条: only 连续六个月不交纳党费 <em>without a proper reason</em> counts against a member).
/// </summary>
public sealed class DuesPaymentRecord
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The branch the member belonged to when the record was made: whose ledger it is in.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The month paid for (its first day).</summary>
    public DateOnly Month { get; set; }

    public decimal Paid { get; set; }

    public DateOnly? PaidOn { get; set; }

    public bool Excused { get; set; }

    public string? ExcusedReason { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>A payment: a real month, an amount of 0 or more, paid on a day not after today.</summary>
    public static DuesPaymentRecord Payment(int personId, int organizationId, DateOnly month, decimal paid, DateOnly paidOn, DateOnly today, string by, DateTimeOffset now)
    {
        var problems = new List<FieldProblem>();
        DuesMonths.Check(month, "month", "Field.Dues.Month", problems);
        DuesMonths.CheckNotNegative(paid, "paid", "Field.Dues.Paid", problems);
        if (!SaneDates.Contains(paidOn))
        {
            problems.Add(new("paidOn", SaneDates.OutOfRange, "Field.Dues.PaidOn", SaneDates.MinText, SaneDates.MaxText));
        }
        else if (paidOn > today)
        {
            problems.Add(new("paidOn", "Dues.PaidInFuture"));
        }

        DomainRuleException.ThrowIfAny(problems);
        return new() { PersonId = personId, OrganizationId = organizationId, Month = month, Paid = paid, PaidOn = paidOn, RecordedBy = by, RecordedAt = now };
    }

    /// <summary>A month excused with the reason the branch accepted; a reason is required.</summary>
    public static DuesPaymentRecord Excuse(int personId, int organizationId, DateOnly month, string? reason, string by, DateTimeOffset now)
    {
        var problems = new List<FieldProblem>();
        DuesMonths.Check(month, "month", "Field.Dues.Month", problems);
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is null)
        {
            problems.Add(new("reason", "Input.Required", "Field.Dues.Reason"));
        }
        else if (text.Length > MaxReasonLength)
        {
            problems.Add(new("reason", "Input.TooLong", "Field.Dues.Reason", MaxReasonLength));
        }

        DomainRuleException.ThrowIfAny(problems);
        return new() { PersonId = personId, OrganizationId = organizationId, Month = month, Excused = true, ExcusedReason = text, RecordedBy = by, RecordedAt = now };
    }

    /// <summary>The record as the ledger rule reads it.</summary>
    public DuesPayment ToLedger() => new(Month, Paid, Excused);
}
