using Dangjian.Domain.Reminders;

namespace Dangjian.Web.Features.Reminders;

/// <summary>
/// Configuration section <c>Reminders</c>: whether the background planner and sender run, how often, as which account
/// the planner reads the modules, and the two transports. Nothing here goes into a message; the robot's URL carries its
/// key (a secret) and is never logged.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the planner and the sender in the background (<c>Reminders:Enabled</c>, default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between planning passes (<c>Reminders:PlanEveryMinutes</c>, default 60).</summary>
    public int PlanEveryMinutes { get; set; } = 60;

    /// <summary>Seconds between sender passes (<c>Reminders:SendEverySeconds</c>, default 30).</summary>
    public int SendEverySeconds { get; set; } = 30;

    /// <summary>
    /// The account whose scope the background planner reads the modules with (<c>Reminders:PlanAs</c>, a user name);
    /// by default the first district administrator.
    /// </summary>
    public string? PlanAs { get; set; }

    /// <summary>Meetings this many days ahead (today included) are reminded of (<c>Reminders:MeetingDaysAhead</c>, default 3).</summary>
    public int MeetingDaysAhead { get; set; } = 3;

    public SmtpSettings Smtp { get; set; } = new();

    public RobotSettings Robot { get; set; } = new();

    /// <summary>
    /// The channels this installation can send on: e-mail with an SMTP host, the robot with a webhook URL. Read at each
    /// pass, so setting one up takes effect at the next. Nothing is planned for a channel that is not here, and messages
    /// of it already in the outbox are held (left pending, not tried) until it is.
    /// </summary>
    public IReadOnlyList<ReminderChannel> ConfiguredChannels() =>
        [.. Enum.GetValues<ReminderChannel>().Where(c => c switch
        {
            ReminderChannel.Email => !string.IsNullOrWhiteSpace(Smtp.Host),
            ReminderChannel.Robot => !string.IsNullOrWhiteSpace(Robot.Url),
            _ => false,
        })];

    public bool IsValid() => PlanEveryMinutes > 0 && SendEverySeconds > 0 && MeetingDaysAhead is >= 0 and <= 30 && Smtp.Port is > 0 and < 65536;
}

/// <summary><c>Reminders:Smtp:Host/Port/From</c>; no authentication and no TLS unless <c>UseTls</c>. No host: no e-mail is planned, and e-mail already queued is held.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "dangjian@localhost";

    public bool UseTls { get; set; }
}

/// <summary>Which group robot <c>Reminders:Robot:Url</c> is.</summary>
public enum RobotKind
{
    /// <summary>企业微信 群机器人.</summary>
    WeCom,

    /// <summary>钉钉 自定义机器人.</summary>
    DingTalk,
}

/// <summary><c>Reminders:Robot:Url</c> (with its key or access_token) and <c>Reminders:Robot:Kind</c>. No URL: no robot message is planned, and those already queued are held.</summary>
public sealed class RobotSettings
{
    public string? Url { get; set; }

    public RobotKind Kind { get; set; } = RobotKind.WeCom;
}
