using Dangjian.Domain.Meetings;
using Dangjian.Domain.Teams;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>Strings of the democratic life meeting pages (DemocraticLifeText.resx, DemocraticLifeText.en.resx).</summary>
public sealed class DemocraticLifeText;

// ---- Requests

public sealed record CreateDemocraticLifeRequest(int? OrganizationId, int? Year, string? Theme, DateOnly? PlannedDate);

public sealed record UpdateDemocraticLifeRequest(int? Year, string? Theme, DateOnly? PlannedDate, int Version);

public sealed record DemocraticLifeVersionRequest(int Version);

public sealed record ChecklistRequest(bool Confirmed, int Version);

public sealed record PostponeRequest(DateOnly? NewDate, string? Reason, int Version);

public sealed record HeldRequest(DateOnly? HeldDate, int Version);

public sealed record SuperiorLeaderRequest(string? Name, string? Title, int Version);

public sealed record OpinionRequest(OpinionSource? Source, string? Text, string? SubmitterName);

public sealed record ProblemRequest(int? PersonId, ProblemKind? Kind, string? RaisedBy, string? Text, int Version = 0);

public sealed record RectificationRequest(string? Measure, string? Owner, DateOnly? Deadline, string? Evidence, int Version = 0);

public sealed record CompleteRectificationRequest(DateOnly? DoneOn, string? Evidence, int Version);

/// <summary>
/// 整改完成 of many measures in one save: one day for all (today when left out) and, when given, one evidence for all;
/// a row without it keeps the evidence already recorded on it.
/// </summary>
public sealed record CompleteRectificationsRequest(IReadOnlyList<RowVersion>? Rows, DateOnly? DoneOn, string? Evidence);

// ---- Views

/// <summary>DLM-4 quality: problems found, how many are resolved, the percent (null without problems).</summary>
public sealed record QualityView(int Problems, int Resolved, double? Percent)
{
    public static QualityView Of(DemocraticLifeQuality q) => new(q.Problems, q.Resolved, q.Percent);
}

public sealed record DemocraticLifeRow(
    int Id, int OrganizationId, string OrganizationName, int Year, string Theme, DateOnly PlannedDate, DateOnly? HeldDate,
    DemocraticLifeStatus Status, QualityView Quality, int OpenRectifications);

public sealed record ChecklistItemView(PreparationItem Item, bool Confirmed, string? ConfirmedBy, DateTimeOffset? ConfirmedAt);

public sealed record RectificationView(
    int Id, int ProblemId, string Measure, string Owner, DateOnly Deadline, string? Evidence, RectificationStatus Status, DateOnly? DoneOn, bool Overdue, int Version);

public sealed record ProblemView(
    int Id, int PersonId, string PersonName, ProblemKind Kind, string? RaisedBy, string Text, bool Resolved, IReadOnlyList<RectificationView> Rectifications, int Version);

/// <summary>A team member and the problems found for them.</summary>
public sealed record MemberProblemsView(int PersonId, string Name, TeamRole? Role, IReadOnlyList<ProblemView> Problems);

/// <summary>An open rectification of an earlier meeting of the organization, shown at the top of this one (DLM-4).</summary>
public sealed record CarriedRectificationView(
    int MeetingId, int MeetingYear, string MeetingTheme, int ProblemId, string PersonName, ProblemKind Kind, string ProblemText, RectificationView Rectification);

public sealed record TeamMemberView(int PersonId, string Name, TeamRole Role);

public sealed record DemocraticLifeView(
    int Id,
    int OrganizationId,
    string OrganizationName,
    int Year,
    string Theme,
    DateOnly PlannedDate,
    DateOnly? HeldDate,
    DemocraticLifeStatus Status,
    string? PostponeReason,
    DateOnly? PostponedFrom,
    string? SuperiorLeaderName,
    string? SuperiorLeaderTitle,
    IReadOnlyList<ChecklistItemView> Checklist,
    bool Ready,
    bool AcceptsOpinions,
    bool HasOpinionLink,
    int OpinionCount,
    QualityView Quality,
    IReadOnlyList<MemberProblemsView> Members,
    IReadOnlyList<TeamMemberView> Team,
    int? PreviousMeetingId,
    IReadOnlyList<CarriedRectificationView> CarriedOver,
    int? MeetingId,
    bool CanWrite,
    int Version);

/// <summary>A new meeting with its anonymous opinion link, shown this once (only its hash is stored).</summary>
public sealed record CreatedDemocraticLife(DemocraticLifeView Meeting, string OpinionLink);

public sealed record OpinionLinkView(string OpinionLink);

public sealed record OpinionView(Guid Id, OpinionSource Source, string Text, DateOnly ReceivedOn, string? SubmitterName);

public sealed record QualityPoint(int MeetingId, int Year, string Theme, DateOnly Date, DemocraticLifeStatus Status, QualityView Quality);

public sealed record OrganizationQuality(int OrganizationId, string OrganizationName, IReadOnlyList<QualityPoint> Meetings);

/// <summary>What the public opinion form shows: whose meeting, and whether it still takes opinions.</summary>
public sealed record PublicOpinionForm(string OrganizationName, int Year, string Theme, bool AcceptsOpinions);

public enum OpinionOutcome
{
    Accepted,
    Invalid,
    Closed,
    NotFound,
}

public sealed record OpinionResult(OpinionOutcome Outcome, IReadOnlyList<Infrastructure.FieldError> Errors);
