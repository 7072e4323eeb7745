using Dangjian.Domain.Organizations;
using Dangjian.Domain.Services;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Services.Requests;

/// <summary>Strings of the 三服务 pages and export (ServiceText.resx, ServiceText.en.resx), enum values included.</summary>
public sealed class ServiceText;

// ---- Requests

/// <summary>A need an organization raises to the level above; the day defaults to today and is not after it.</summary>
public sealed record RaiseServiceRequest(int? OrganizationId, ServiceKind? Kind, string? Title, string? Details, DateOnly? RaisedOn);

/// <summary>A step with nothing to say but the version it was read at (take up, close).</summary>
public sealed record ServiceStepRequest(int Version);

/// <summary>A withdrawal (reason optional) or a reopening (reason required).</summary>
public sealed record ServiceReasonRequest(string? Reason, int Version);

public sealed record ServiceAnswerRequest(string? Answer, int Version);

/// <summary>The list's filters: organization (requests raised by or to its subtree), status, kind, overdue today, title.</summary>
public sealed record ServiceRequestFilter(int? OrganizationId, ServiceRequestStatus? Status, ServiceKind? Kind, bool? Overdue, string? Search);

// ---- Views

/// <summary>One request with its steps, whether it is overdue today and its times, and the steps the caller may take on it.</summary>
public sealed record ServiceRequestView(
    int Id, int OrganizationId, string OrganizationName, int ToOrganizationId, string ToOrganizationName, ServiceKind Kind,
    string Title, string Details, ServiceRequestStatus Status,
    DateOnly RaisedOn, string RaisedBy, DateTimeOffset RaisedAt, DateOnly TakeUpDue, DateOnly AnswerDue,
    DateOnly? TakenUpOn, string? TakenUpBy, DateTimeOffset? TakenUpAt,
    string? Answer, DateOnly? AnsweredOn, string? AnsweredBy, DateTimeOffset? AnsweredAt,
    DateOnly? ClosedOn, string? ClosedBy, DateTimeOffset? ClosedAt,
    DateOnly? WithdrawnOn, string? WithdrawnBy, DateTimeOffset? WithdrawnAt, string? WithdrawReason,
    string? FirstAnswer, string? ReopenReason, DateOnly? ReopenedOn, string? ReopenedBy, DateTimeOffset? ReopenedAt,
    bool Overdue, int? ResponseWorkingDays, int? ClosingWorkingDays, int Version)
{
    /// <summary>The raiser's side (Services.Raise on the raiser): withdraw, reopen.</summary>
    public bool CanRaise { get; init; }

    /// <summary>The level above (Services.Answer on the organization it is raised to): take up, answer, close.</summary>
    public bool CanAnswer { get; init; }
}

/// <summary>A page of the list, and whether the caller may raise a need anywhere (the form is offered then).</summary>
public sealed record ServiceRequestList(Paged<ServiceRequestView> Requests, bool CanRaise);

/// <summary>One level (the kind of organization answering): how many, and the response and closing times in working days.</summary>
public sealed record ServiceLevelFigures(
    OrganizationKind Kind, int Requests, int Open, int Overdue, int TakenUp, double? MedianResponse, double? AverageResponse,
    int Closed, double? MedianClosing, double? AverageClosing);

/// <summary>One organization directly below the root (for the district, a township): its subtree's open and overdue requests.</summary>
public sealed record ServiceOrganizationCounts(int OrganizationId, string OrganizationName, int Open, int Overdue);

/// <summary>The statistics of the requests raised in a subtree, today.</summary>
public sealed record ServiceStatsView(
    int OrganizationId, string OrganizationName, DateOnly Today, IReadOnlyList<ServiceLevelFigures> Levels,
    IReadOnlyList<ServiceOrganizationCounts> ByOrganization, IReadOnlyList<ServiceRequestView> Overdue);
