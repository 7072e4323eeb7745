using System.Globalization;
using Dangjian.Domain.Dues;

namespace Dangjian.Web.Features.Dues;

/// <summary>Strings of the dues and activity-fund pages (DuesText.resx, DuesText.en.resx).</summary>
public sealed class DuesText;

/// <summary>Months as the API and the sheets write them: <c>yyyy-MM</c> ("2026-03"), the first day of the month inside.</summary>
public static class MonthText
{
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month of <c>yyyy-MM</c> (or <c>yyyy-M</c>, <c>yyyy/MM</c>, <c>yyyy年M月</c>), null when it is none.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM", "yyyy-M", "yyyy/MM", "yyyy/M", "yyyy年M月", "yyyy.M"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
        && DuesMonths.IsMonth(m) ? m : null;
}

/// <summary>Money as the pages show it: yuan with two places (42 → 42.00), the same in either language.</summary>
public static class YuanText
{
    public static string Format(decimal yuan) => yuan.ToString("0.00", CultureInfo.InvariantCulture);
}

// ---- Requests

/// <summary>A member's dues profile from a month on: a base for salaried and retired members, an amount for farmers.</summary>
public sealed record SetDuesProfileRequest(int? PersonId, DuesCategory? Category, decimal? Base, decimal? Amount, string? FromMonth, int? Version);

/// <summary>A payment of a member's month.</summary>
public sealed record RecordDuesPaymentRequest(int? PersonId, string? Month, decimal? Paid, DateOnly? PaidOn);

/// <summary>A member's month excused with the reason the branch accepted.</summary>
public sealed record ExcuseDuesMonthRequest(int? PersonId, string? Month, string? Reason);

/// <summary>An activity-fund entry of an organization.</summary>
public sealed record AddActivityFundRequest(int? OrganizationId, ActivityFundKind? Kind, decimal? Amount, string? Purpose, string? Approver, DateOnly? On);

// ---- Views

/// <summary>One month of a member's ledger: what it owed, what was paid, whether excused (and why) or unpaid.</summary>
public sealed record DuesMonthView(string Month, decimal Monthly, decimal Paid, bool Excused, string? Reason, bool Unpaid);

/// <summary>
/// A member's ledger over the range (computed by <see cref="DuesLedger"/>): the profile in force at the range's end (null
/// when none was ever set), due, paid, arrears, the unpaid months, the longest run of them, and the flag (党章 第九条).
/// </summary>
public sealed record DuesMemberView(
    int PersonId, string Name, DuesCategory? Category, decimal? Base, decimal? Amount, string? ProfileFrom, int? ProfileVersion,
    decimal Monthly, decimal Due, decimal Paid, decimal Arrears, IReadOnlyList<string> UnpaidMonths, int LongestUnpaidRun, bool Flagged,
    IReadOnlyList<DuesMonthView> Months)
{
    /// <summary>The organization whose roll the member is on (in a ledger; null on /me).</summary>
    public int? OrganizationId { get; init; }

    public string? OrganizationName { get; init; }
}

/// <summary>One organization's members inside a subtree's ledger, with their totals.</summary>
public sealed record DuesLedgerGroup(
    int OrganizationId, string OrganizationName, decimal Due, decimal Paid, decimal Arrears, int FlaggedCount, IReadOnlyList<DuesMemberView> Members);

/// <summary>
/// An organization subtree's ledger for a range of months: every member of it (in <see cref="Members"/>, by organization
/// then name) and the same members grouped by organization in tree order, the totals, and whether the caller may record
/// payments.
/// </summary>
public sealed record DuesLedgerView(
    int OrganizationId, string OrganizationName, string From, string To, int FlagAfterMonths,
    decimal Due, decimal Paid, decimal Arrears, int FlaggedCount, IReadOnlyList<DuesMemberView> Members, bool MayWrite)
{
    public IReadOnlyList<DuesLedgerGroup> Groups { get; init; } = [];
}

/// <summary>A member to remind (催缴): the months unpaid in the range, how much is owed, and the flag (党章 第九条).</summary>
public sealed record DuesReminderItem(int PersonId, string Name, IReadOnlyList<string> UnpaidMonths, decimal Arrears, int LongestUnpaidRun, bool Flagged);

/// <summary>One organization's members to remind, flagged ones first, then by the longest unpaid run and the amount owed.</summary>
public sealed record DuesReminderGroup(int OrganizationId, string OrganizationName, decimal Arrears, IReadOnlyList<DuesReminderItem> Items);

/// <summary>The reminder list (催缴) of an organization subtree over a range of months: only organizations with members in arrears.</summary>
public sealed record DuesReminderList(int OrganizationId, string OrganizationName, string From, string To, IReadOnlyList<DuesReminderGroup> Groups);

/// <summary>A recorded payment or excused month.</summary>
public sealed record DuesRecordView(int Id, int PersonId, string Month, decimal Paid, DateOnly? PaidOn, bool Excused, string? Reason);

/// <summary>A member's profile as set.</summary>
public sealed record DuesProfileView(int Id, int PersonId, DuesCategory Category, decimal? Base, decimal? Amount, string FromMonth, decimal Monthly, int Version)
{
    public string? RecordedBy { get; init; }
}

/// <summary>A person's dues profiles (newest first), whether they pay dues at all, and whether the caller may set a new profile.</summary>
public sealed record DuesPersonView(int PersonId, IReadOnlyList<DuesProfileView> Profiles, bool IsMember, bool MayWrite);

/// <summary>The answer to a clean import of payments.</summary>
public sealed record DuesImportSummary(int Imported);

/// <summary>One activity-fund entry.</summary>
public sealed record ActivityFundView(int Id, ActivityFundKind Kind, decimal Amount, string Purpose, string? Approver, DateOnly On, string RecordedBy);

/// <summary>An organization's activity funds: the balance and the entries, newest first.</summary>
public sealed record ActivityFundsView(int OrganizationId, string OrganizationName, decimal Received, decimal Spent, decimal Balance, IReadOnlyList<ActivityFundView> Entries, bool MayWrite);

/// <summary>The signed-in member's own dues (on /me): their ledger of the last months; null members when the account has no person.</summary>
public sealed record MyDuesView(DuesMemberView? Ledger, string From, string To);
