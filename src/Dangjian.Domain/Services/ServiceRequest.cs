using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Services;

/// <summary>What an organization asks of the level above (seed 003 1: 在人、财、物等方面 … 提供组织保障, and guidance).</summary>
public enum ServiceKind
{
    /// <summary>人: people (a secretary, a 党务干事, volunteers).</summary>
    People,

    /// <summary>财: funds.</summary>
    Funds,

    /// <summary>物: material (a venue, equipment).</summary>
    Material,

    /// <summary>指导: guidance (how to run a piece of party work).</summary>
    Guidance,
}

/// <summary>Raised → TakenUp → Answered → Closed; Withdrawn by the raiser before it is taken up.</summary>
public enum ServiceRequestStatus
{
    Raised,
    TakenUp,
    Answered,
    Closed,
    Withdrawn,
}

/// <summary>
/// A 三服务 service request (ORG-8): an organization raises a need to the organization directly above it, which takes it
/// up, answers and closes it — seed 003 1, "党的上级组织为基层组织服务 … 一级服务一级" (a branch asks its township, a township
/// the district). The district's own committee has no level above and raises nothing.
/// <para>
/// The raiser may withdraw the need while it is not yet taken up, and, not satisfied with an answer, reopen it once with a
/// reason before it is closed: it goes back to the level above as taken up, to be answered again within the answer limit
/// counted from the reopening. Closed and Withdrawn are final. The limits (<see cref="ServiceLimits"/>) are fixed on the
/// request when they start to run (<see cref="TakeUpDue"/>, <see cref="AnswerDue"/>), so the overdue list is one query.
/// </para>
/// </summary>
public sealed class ServiceRequest : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxDetailsLength = 4000;
    public const int MaxAnswerLength = 4000;
    public const int MaxReasonLength = 1000;
    public const int MaxByLength = 100;

    public int Id { get; set; }

    /// <summary>The organization that raised the need.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The organization it is raised to: the raiser's parent when raised.</summary>
    public int ToOrganizationId { get; set; }

    public ServiceKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Details { get; set; } = string.Empty;

    public ServiceRequestStatus Status { get; set; }

    public DateOnly RaisedOn { get; set; }

    public string RaisedBy { get; set; } = string.Empty;

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>The last day to take it up on time.</summary>
    public DateOnly TakeUpDue { get; set; }

    /// <summary>The last day to answer it on time (from the raising, or from the reopening).</summary>
    public DateOnly AnswerDue { get; set; }

    public DateOnly? TakenUpOn { get; set; }

    public string? TakenUpBy { get; set; }

    public DateTimeOffset? TakenUpAt { get; set; }

    public string? Answer { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public string? WithdrawnBy { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawReason { get; set; }

    /// <summary>The answer the raiser was not satisfied with, kept when reopened.</summary>
    public string? FirstAnswer { get; set; }

    public string? ReopenReason { get; set; }

    public DateOnly? ReopenedOn { get; set; }

    public string? ReopenedBy { get; set; }

    public DateTimeOffset? ReopenedAt { get; set; }

    public int Version { get; set; }

    public bool IsReopened => ReopenedOn is not null;

    /// <summary>
    /// A need raised by <paramref name="organizationId"/> to its parent <paramref name="parentId"/> (null for the district
    /// committee, which has no level above), on <paramref name="raisedOn"/> (not after today: a need raised on paper may be
    /// entered later); the limits start to run from that day.
    /// </summary>
    public static ServiceRequest Raise(
        int organizationId, int? parentId, ServiceKind kind, string? title, string? details, DateOnly raisedOn, DateOnly today,
        HolidayCalendar calendar, ServiceLimits limits, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (parentId is not { } to)
        {
            throw new DomainRuleException("ServiceRequest.NoLevelAbove", "organizationId");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.ServiceRequest.Kind");
        }

        var problems = new List<FieldProblem>();
        var t = Check(problems, () => TextInput.Required(title, MaxTitleLength, "title", "Field.ServiceRequest.Title"));
        var d = Check(problems, () => TextInput.Required(details, MaxDetailsLength, "details", "Field.ServiceRequest.Details"));
        var on = Check(problems, () => SaneDates.Done(raisedOn, "raisedOn", "Field.ServiceRequest.RaisedOn", today, "ServiceRequest.InFuture"));
        DomainRuleException.ThrowIfAny(problems);
        return new()
        {
            OrganizationId = organizationId,
            ToOrganizationId = to,
            Kind = kind,
            Title = t!,
            Details = d!,
            RaisedOn = on,
            RaisedBy = By(by),
            RaisedAt = at,
            TakeUpDue = ServiceDays.Due(calendar, on, limits.TakeUpWorkingDays),
            AnswerDue = ServiceDays.Due(calendar, on, limits.AnswerWorkingDays),
        };
    }

    /// <summary>撤回: the raiser takes the need back while the level above has not taken it up.</summary>
    public void Withdraw(string? reason, string by, DateTimeOffset at, DateOnly today)
    {
        Expect(ServiceRequestStatus.Raised, "ServiceRequest.NotRaised");
        var r = TextInput.Optional(reason, MaxReasonLength, "reason", "Field.ServiceRequest.Reason");
        var day = NotBefore(today, RaisedOn);
        (WithdrawnOn, WithdrawnBy, WithdrawnAt, WithdrawReason) = (day, By(by), at, r);
        Status = ServiceRequestStatus.Withdrawn;
    }

    /// <summary>受理: the level above takes the need up.</summary>
    public void TakeUp(string by, DateTimeOffset at, DateOnly today)
    {
        Expect(ServiceRequestStatus.Raised, "ServiceRequest.NotRaised");
        var day = NotBefore(today, RaisedOn);
        (TakenUpOn, TakenUpBy, TakenUpAt) = (day, By(by), at);
        Status = ServiceRequestStatus.TakenUp;
    }

    /// <summary>答复: the level above says what it did or will do about the need.</summary>
    public void AnswerWith(string? answer, string by, DateTimeOffset at, DateOnly today)
    {
        Expect(ServiceRequestStatus.TakenUp, "ServiceRequest.NotTakenUp");
        var text = TextInput.Required(answer, MaxAnswerLength, "answer", "Field.ServiceRequest.Answer");
        var day = NotBefore(today, ReopenedOn ?? TakenUpOn!.Value);
        (Answer, AnsweredOn, AnsweredBy, AnsweredAt) = (text, day, By(by), at);
        Status = ServiceRequestStatus.Answered;
    }

    /// <summary>办结: the level above closes an answered need; final.</summary>
    public void Close(string by, DateTimeOffset at, DateOnly today)
    {
        Expect(ServiceRequestStatus.Answered, "ServiceRequest.NotAnswered");
        var day = NotBefore(today, AnsweredOn!.Value);
        (ClosedOn, ClosedBy, ClosedAt) = (day, By(by), at);
        Status = ServiceRequestStatus.Closed;
    }

    /// <summary>
    /// The raiser, not satisfied with the answer, sends the need back once, with a reason, before it is closed: the answer
    /// is kept as the first one and the level above answers again within the answer limit counted from today.
    /// </summary>
    public void Reopen(string? reason, string by, DateTimeOffset at, DateOnly today, HolidayCalendar calendar, ServiceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Expect(ServiceRequestStatus.Answered, "ServiceRequest.NotAnswered");
        if (IsReopened)
        {
            throw new DomainRuleException("ServiceRequest.ReopenedBefore", "status");
        }

        var r = TextInput.Required(reason, MaxReasonLength, "reason", "Field.ServiceRequest.Reason");
        var day = NotBefore(today, AnsweredOn!.Value);
        (FirstAnswer, Answer, AnsweredOn, AnsweredBy, AnsweredAt) = (Answer, null, null, null, null);
        (ReopenReason, ReopenedOn, ReopenedBy, ReopenedAt) = (r, day, By(by), at);
        AnswerDue = ServiceDays.Due(calendar, day, limits.AnswerWorkingDays);
        Status = ServiceRequestStatus.TakenUp;
    }

    /// <summary>Not taken up and <paramref name="today"/> is after the last day to take it up.</summary>
    public bool TakeUpOverdue(DateOnly today) => Status == ServiceRequestStatus.Raised && today > TakeUpDue;

    /// <summary>Not answered (raised or taken up) and <paramref name="today"/> is after the last day to answer it.</summary>
    public bool AnswerOverdue(DateOnly today) => Status is ServiceRequestStatus.Raised or ServiceRequestStatus.TakenUp && today > AnswerDue;

    /// <summary>On the overdue list at <paramref name="today"/>: late to be taken up or late to be answered.</summary>
    public bool IsOverdue(DateOnly today) => TakeUpOverdue(today) || AnswerOverdue(today);

    /// <summary>Still with the level above or awaiting closing (raised, taken up or answered).</summary>
    public bool IsOpen => Status is ServiceRequestStatus.Raised or ServiceRequestStatus.TakenUp or ServiceRequestStatus.Answered;

    /// <summary>Response time (受理用时): working days from the raising to the taking up; null while not taken up.</summary>
    public int? ResponseWorkingDays(HolidayCalendar calendar) => TakenUpOn is { } d ? ServiceDays.Between(calendar, RaisedOn, d) : null;

    /// <summary>Closing time (办结用时): working days from the raising to the closing; null while not closed.</summary>
    public int? ClosingWorkingDays(HolidayCalendar calendar) => ClosedOn is { } d ? ServiceDays.Between(calendar, RaisedOn, d) : null;

    private void Expect(ServiceRequestStatus status, string code)
    {
        if (Status != status)
        {
            throw new DomainRuleException(code, "status");
        }
    }

    private static DateOnly NotBefore(DateOnly day, DateOnly previous) =>
        day >= previous ? day : throw new DomainRuleException("ServiceRequest.BeforePrevious", "status", DateText.Format(previous));

    private static string By(string by) => by.Length > MaxByLength ? by[..MaxByLength] : by;

    private static T? Check<T>(List<FieldProblem> problems, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (DomainRuleException e)
        {
            problems.AddRange(e.Problems);
            return default;
        }
    }
}
