using Dangjian.Domain.Common;

namespace Dangjian.Domain.Reminders;

/// <summary>How a reminder reaches a person: an e-mail to the address they gave, or the organization's group robot (企业微信 / 钉钉).</summary>
public enum ReminderChannel
{
    Email,
    Robot,
}

/// <summary>
/// Where a message is: waiting to be sent (also after a failed attempt that will be retried), sent, given up, or expired
/// unsent (it waited longer than <see cref="ReminderRules.ExpireAfter"/>).
/// </summary>
public enum OutboxState
{
    Pending,
    Sent,
    Failed,
    Expired,
}

/// <summary>
/// One reminder to one person on one channel, written to the outbox in the same transaction as nothing else but its
/// siblings of a planning pass, and sent later by the sender. <see cref="Key"/> says what it is about
/// (<c>dues:2026-11:person:42</c>); with the channel and the recipient it is unique, so a pass that runs twice, or two
/// instances planning at once, enqueue it once. The subject and body name the item and the deadline and nothing secret:
/// never a ballot, a code, a token, a vote or an ID number (<see cref="ReminderRules.Clean"/>).
/// </summary>
public sealed class OutboxMessage : IVersioned
{
    public const int MaxKeyLength = 200;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 2000;
    public const int MaxErrorLength = 500;

    public int Id { get; set; }

    public string Key { get; set; } = string.Empty;

    public ReminderChannel Channel { get; set; }

    public int RecipientPersonId { get; set; }

    /// <summary>The recipient's organization when it was enqueued: whose administrators see it on /reminders.</summary>
    public int OrganizationId { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the sender may try it (again).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A sender holds it until then (PostgreSQL claim); an expired claim is free again, so a crashed sender's message is not lost.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The last failure as the transport put it, shortened; a failure text never carries the message itself.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Version { get; set; }

    /// <summary>A new pending message, due at once.</summary>
    public static OutboxMessage Enqueue(string key, ReminderChannel channel, int recipientPersonId, int organizationId, string subject, string body, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            throw new DomainRuleException("Input.Invalid", "key", "Field.Reminder.Key");
        }

        if (recipientPersonId <= 0)
        {
            throw new DomainRuleException("Input.Required", "recipientPersonId", "Field.Reminder.Recipient");
        }

        return new()
        {
            Key = key,
            Channel = channel,
            RecipientPersonId = recipientPersonId,
            OrganizationId = organizationId,
            Subject = Shorten(ReminderRules.Clean(subject), MaxSubjectLength),
            Body = Shorten(ReminderRules.Clean(body), MaxBodyLength),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>Whether the sender may try it at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now) => State == OutboxState.Pending && NextAttemptAt <= now && (ClaimedUntil is null || ClaimedUntil < now);

    /// <summary>
    /// Whether it waited unsent too long to be worth sending at <paramref name="now"/> (<see cref="ReminderRules.ExpireAfter"/>
    /// after it was enqueued, the boundary included), and no sender holds it right now.
    /// </summary>
    public bool IsStale(DateTimeOffset now) =>
        State == OutboxState.Pending && now - CreatedAt >= ReminderRules.ExpireAfter && (ClaimedUntil is null || ClaimedUntil < now);

    /// <summary>Too old to send (<see cref="IsStale"/>): expired, never tried.</summary>
    public void Expire(DateTimeOffset now)
    {
        RefuseUnlessPending();
        if (!IsStale(now))
        {
            throw new DomainRuleException("Reminder.NotStale", "state");
        }

        State = OutboxState.Expired;
        ClaimedUntil = null;
    }

    /// <summary>The transport accepted it: sent, never tried again.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        RefuseUnlessPending();
        Attempts++;
        State = OutboxState.Sent;
        SentAt = now;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>
    /// The transport refused it or could not be reached: tried again after the back-off of
    /// <see cref="ReminderRules.RetryAfter"/>, and given up (<see cref="OutboxState.Failed"/>) after
    /// <see cref="ReminderRules.MaxAttempts"/> attempts.
    /// </summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        RefuseUnlessPending();
        Attempts++;
        LastError = Shorten(ReminderRules.Clean(error ?? string.Empty), MaxErrorLength);
        ClaimedUntil = null;
        if (ReminderRules.RetryAfter(Attempts) is { } wait)
        {
            NextAttemptAt = now + wait;
        }
        else
        {
            State = OutboxState.Failed;
        }
    }

    private void RefuseUnlessPending()
    {
        if (State != OutboxState.Pending)
        {
            throw new DomainRuleException("Reminder.NotPending", "state");
        }
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max];
}
