using System.Text.RegularExpressions;

namespace Dangjian.Domain.Reminders;

/// <summary>
/// The outbox's rule data. Why these numbers: a group robot of 企业微信 or 钉钉 takes at most 20 messages a minute and
/// answers an error code when flooded, and a mail server may be down for a maintenance window; a reminder of a deadline
/// days away loses nothing by waiting minutes, so each failure waits longer (1, 5, 30 minutes, 2 hours) and the fifth
/// failure gives up, leaving the message Failed on /reminders for an administrator to see, not retried for ever.
/// </summary>
public static class ReminderRules
{
    /// <summary>Attempts before a message is given up.</summary>
    public const int MaxAttempts = 5;

    /// <summary>How long the sender waits after the 1st, 2nd, 3rd and 4th failed attempt.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>How long a sender's claim on a message lasts: long enough for one SMTP or HTTP call with its time-out.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a message may wait unsent before it expires: it is then marked <see cref="OutboxState.Expired"/> and never
    /// sent. A message waits while its channel has no transport (held) or while the app is stopped. What the planner
    /// reminds of is near: a meeting at most a few days ahead (<c>Reminders:MeetingDaysAhead</c>, default 3), this month's
    /// dues, a deadline this week. A week late, such a reminder misleads more than it helps, and e-mail set up after
    /// months must not bring every held reminder at once. Retries of a failing message end long before: the back-off
    /// sums to 2 h 36 min.
    /// </summary>
    public static readonly TimeSpan ExpireAfter = TimeSpan.FromDays(7);

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt, or null when that was the last one.</summary>
    public static TimeSpan? RetryAfter(int attempts) =>
        attempts >= MaxAttempts || attempts < 1 ? null : Backoff[Math.Min(attempts, Backoff.Count) - 1];

    /// <summary>
    /// What a message or an error text may carry: never an ID number (居民身份证号码, 18 characters of which the last may be
    /// X), a voting or survey code, a token or a password. A run of 16 or more letters and digits (a token, a code
    /// issued for a ballot) and an ID number are replaced by "***", whatever put them there; the planner writes no such
    /// thing in the first place.
    /// </summary>
    public static string Clean(string text) =>
        LongSecret().Replace(IdNumber().Replace(text ?? string.Empty, "***"), "***");

    private static readonly Regex IdNumberPattern = new(@"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex LongSecretPattern = new(@"[0-9A-Za-z_\-]{16,}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static Regex IdNumber() => IdNumberPattern;

    private static Regex LongSecret() => LongSecretPattern;
}
