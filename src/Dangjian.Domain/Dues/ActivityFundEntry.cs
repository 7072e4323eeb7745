using Dangjian.Domain.Common;

namespace Dangjian.Domain.Dues;

/// <summary>Whether an activity-fund entry brings money in or pays it out.</summary>
public enum ActivityFundKind
{
    Received,
    Spent,
}

/// <summary>
/// 专项经费 (DUE-3): money an organization received for party activities or spent on them, with the purpose, who
/// approved it and the day. A spending never exceeds the balance: 中组发〔2008〕3号 四 — 党费必须用于党的活动, spent
/// within what the organization holds, never on credit.
/// </summary>
public sealed class ActivityFundEntry
{
    public const int MaxPurposeLength = 500;
    public const int MaxApproverLength = 100;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public ActivityFundKind Kind { get; set; }

    public decimal Amount { get; set; }

    public string Purpose { get; set; } = string.Empty;

    public string? Approver { get; set; }

    public DateOnly On { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The balance of an organization's entries: received minus spent.</summary>
    public static decimal Balance(IEnumerable<ActivityFundEntry> entries) =>
        entries.Sum(e => e.Kind == ActivityFundKind.Spent ? -e.Amount : e.Amount);

    /// <summary>
    /// A new entry. The amount is above 0; a purpose is required, and an approver for a spending; the day is not after
    /// today. A spending above <paramref name="balance"/> (the organization's balance before it) is refused on amount.
    /// </summary>
    public static ActivityFundEntry Create(
        int organizationId, ActivityFundKind kind, decimal amount, string? purpose, string? approver, DateOnly on, decimal balance, DateOnly today, string by, DateTimeOffset now)
    {
        var problems = new List<FieldProblem>();
        if (!Enum.IsDefined(kind))
        {
            problems.Add(new("kind", "Input.Invalid", "Field.Funds.Kind"));
        }

        if (amount <= 0)
        {
            problems.Add(new("amount", "Funds.AmountNotPositive"));
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            problems.Add(new("amount", "Dues.FinerThanFen", "Field.Funds.Amount"));
        }
        else if (kind == ActivityFundKind.Spent && amount > balance)
        {
            problems.Add(new("amount", "Funds.OverBalance", DuesRates.Money(balance)));
        }

        var purposeText = Text(purpose, MaxPurposeLength, "purpose", "Field.Funds.Purpose", required: true, problems);
        var approverText = Text(approver, MaxApproverLength, "approver", "Field.Funds.Approver", required: kind == ActivityFundKind.Spent, problems);
        if (!SaneDates.Contains(on))
        {
            problems.Add(new("on", SaneDates.OutOfRange, "Field.Funds.On", SaneDates.MinText, SaneDates.MaxText));
        }
        else if (on > today)
        {
            problems.Add(new("on", "Funds.InFuture"));
        }

        DomainRuleException.ThrowIfAny(problems);
        return new()
        {
            OrganizationId = organizationId, Kind = kind, Amount = amount, Purpose = purposeText!, Approver = approverText, On = on,
            RecordedBy = by, RecordedAt = now,
        };
    }

    private static string? Text(string? value, int max, string field, string label, bool required, List<FieldProblem> problems)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            problems.Add(new(field, "Input.Required", label));
        }
        else if (text?.Length > max)
        {
            problems.Add(new(field, "Input.TooLong", label, max));
        }

        return text;
    }
}
