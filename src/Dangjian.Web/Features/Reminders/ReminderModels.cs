using Dangjian.Domain.Reminders;

namespace Dangjian.Web.Features.Reminders;

/// <summary>Strings of the reminders pages, the /me section, the export and the messages themselves (ReminderText.resx, ReminderText.en.resx).</summary>
public sealed class ReminderText;

/// <summary>Plan the subtree of an organization (or, without one, the caller's whole scope).</summary>
public sealed record PlanRemindersRequest(int? OrganizationId);

/// <summary>What a pass wrote: new messages, and those already in the outbox (not written again).</summary>
public sealed record PlanResult(int Enqueued, int AlreadyQueued);

/// <summary>One outbox message as administrators see it.</summary>
public sealed record OutboxMessageView(
    int Id, string Key, ReminderChannel Channel, int RecipientPersonId, string RecipientName, int OrganizationId, string OrganizationName,
    string Subject, string Body, OutboxState State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>The person's channels and the address they gave; <see cref="Version"/> 0 while they never chose.</summary>
public sealed record MyReminderSettings(string? Email, bool EmailOn, bool RobotOn, int Version);

/// <summary>Their choice: an address (optional unless e-mail is on) and the two switches; <see cref="Version"/> as read.</summary>
public sealed record SaveMyRemindersRequest(string? Email, bool? EmailOn, bool? RobotOn, int? Version);

/// <summary>One of their last reminders.</summary>
public sealed record MyReminderView(string Subject, ReminderChannel Channel, OutboxState State, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>
/// The /me section: their settings and their last reminders, newest first; <see cref="HasPerson"/> false for an account
/// linked to no person. <see cref="Available"/>: the channels this installation can send on; a choice of another is kept
/// and takes effect once it is set up.
/// </summary>
public sealed record MyRemindersView(bool HasPerson, MyReminderSettings Settings, IReadOnlyList<MyReminderView> Recent, IReadOnlyList<ReminderChannel> Available);

/// <summary>
/// A channel as /reminders shows it: whether this installation has its transport (an SMTP host, a robot URL; never the
/// address itself), and the pending messages of the subtree on it (held while it has none).
/// </summary>
public sealed record ReminderChannelView(ReminderChannel Channel, bool Configured, int Pending);
