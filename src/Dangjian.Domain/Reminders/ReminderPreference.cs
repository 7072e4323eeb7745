using Dangjian.Domain.Common;

namespace Dangjian.Domain.Reminders;

/// <summary>
/// How a person wants their reminders: by e-mail (to the address they give) and through the group robot. A person
/// without a row gets the robot only (<see cref="Default"/>): the group chat is where the organization already reaches
/// its members, while an e-mail needs an address they chose to give.
/// </summary>
public sealed class ReminderPreference : IVersioned
{
    public const int MaxEmailLength = 254;

    public int Id { get; set; }

    public int PersonId { get; set; }

    public string? Email { get; set; }

    public bool EmailOn { get; set; }

    public bool RobotOn { get; set; } = true;

    public int Version { get; set; }

    /// <summary>The choice of a person who never made one.</summary>
    public static ReminderPreference Default(int personId) => new() { PersonId = personId, RobotOn = true };

    /// <summary>
    /// Their choice. An address, when given, must look like one (local part, @, a domain with a dot; RFC 5321 caps it at
    /// 254 characters); e-mail on needs an address.
    /// </summary>
    public void Choose(string? email, bool emailOn, bool robotOn)
    {
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && !LooksLikeAddress(address))
        {
            throw new DomainRuleException("Reminder.Email", "email");
        }

        if (emailOn && address is null)
        {
            throw new DomainRuleException("Reminder.EmailNeeded", "email");
        }

        (Email, EmailOn, RobotOn) = (address, emailOn, robotOn);
    }

    public bool Wants(ReminderChannel channel) => channel switch
    {
        ReminderChannel.Email => EmailOn && Email is not null,
        ReminderChannel.Robot => RobotOn,
        _ => false,
    };

    /// <summary>
    /// The channels a reminder goes out on: those the person wants among those the installation can send on
    /// (<paramref name="configured"/>). A channel with no transport gets nothing, yet the choice stays as it is, so
    /// reminders on it start with the first pass after the transport is set up.
    /// </summary>
    public IReadOnlyList<ReminderChannel> ChannelsAmong(IReadOnlyCollection<ReminderChannel> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return [.. Enum.GetValues<ReminderChannel>().Where(c => configured.Contains(c) && Wants(c))];
    }

    private static bool LooksLikeAddress(string s)
    {
        if (s.Length > MaxEmailLength || s.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"'))
        {
            return false;
        }

        var at = s.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != s.LastIndexOf('@') || at == s.Length - 1)
        {
            return false;
        }

        var domain = s[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }
}
