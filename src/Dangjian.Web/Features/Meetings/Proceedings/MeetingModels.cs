using Dangjian.Domain.Meetings;
using Dangjian.Domain.Teams;

namespace Dangjian.Web.Features.Meetings.Proceedings;

public sealed record ParticipantInput(int PersonId, bool Entitled);

/// <summary>Calling a meeting (MTG-1, MTG-2). Participants default to the team (党委会/支委会) or the members.</summary>
public sealed record CreateMeetingRequest(
    int? OrganizationId,
    MeetingType? Type,
    string? Title,
    DateOnly? Date,
    TimeOnly? StartTime,
    string? Location,
    DateOnly? NoticeDate,
    string? NoticeText,
    bool Emergency,
    string? EmergencyReason,
    int? SecretaryPersonId,
    IReadOnlyList<ParticipantInput>? Participants);

public sealed record UpdateMeetingRequest(
    string? Title,
    DateOnly? Date,
    TimeOnly? StartTime,
    string? Location,
    DateOnly? NoticeDate,
    string? NoticeText,
    bool Emergency,
    string? EmergencyReason,
    int? SecretaryPersonId,
    int Version);

public sealed record MeetingVersionRequest(int Version);

public sealed record AttendanceRequest(Attendance Attendance, string? Reason, int? ArrivedAtItem, int? LeftAfterItem);

/// <summary>One row of an attendance sheet: the invitee and their attendance, as <see cref="AttendanceRequest"/>.</summary>
public sealed record AttendanceRow(int PersonId, Attendance Attendance, string? Reason, int? ArrivedAtItem, int? LeftAfterItem);

/// <summary>
/// The attendance of many invitees in one save (the rows given; the others unchanged), against the meeting's Version:
/// saved whole or not at all.
/// </summary>
public sealed record AttendanceSheetRequest(IReadOnlyList<AttendanceRow>? Rows, int Version);

public sealed record AddParticipantRequest(int? PersonId, bool Entitled);

public sealed record ItemRequest(
    string? Title,
    ItemCategory? Category,
    int? InChargePersonId,
    IReadOnlyList<int>? ProposerIds,
    string? Material,
    VoteMode? VoteMode);

public sealed record UpdateItemRequest(
    string? Title,
    ItemCategory? Category,
    int? InChargePersonId,
    IReadOnlyList<int>? ProposerIds,
    string? Material,
    VoteMode? VoteMode,
    int Version);

public sealed record SpeechRequest(int? PersonId, VoteChoice? View, string? Summary);

public sealed record OpenVoteInput(int PersonId, VoteChoice Choice);

public sealed record OpenVotesRequest(IReadOnlyList<OpenVoteInput>? Votes, int Version);

public sealed record HeadDecisionRequest(ItemOutcome? Outcome, int Version);

public sealed record SecretBallotRequest(string? Code, VoteChoice? Choice);

public sealed record RulingRequest(ItemOutcome? Outcome, string? Text, int Version);

public sealed record FollowUpRequest(string? FollowUp, int Version);

public sealed record SettingsRequest(int? NoticeWorkingDays, int Version);

public sealed record MeetingRow(
    int Id,
    int OrganizationId,
    string OrganizationName,
    MeetingType Type,
    string Title,
    DateOnly Date,
    MeetingStatus Status,
    bool Emergency,
    int Items,
    int AwaitingRuling);

public sealed record ParticipantView(
    int PersonId,
    string Name,
    TeamRole? Position,
    bool Entitled,
    Attendance Attendance,
    string? Reason,
    int? ArrivedAtItem,
    int? LeftAfterItem);

public sealed record SpeechView(int Sequence, int PersonId, string Name, bool IsSecretary, VoteChoice? View, string? Summary);

public sealed record VoteView(int PersonId, string Name, VoteChoice Choice);

/// <summary>An item with its live attendance (before it is decided) or the attendance it was decided on.</summary>
public sealed record ItemView(
    int Id,
    int Order,
    string Title,
    ItemCategory Category,
    int? InChargePersonId,
    string? InChargeName,
    IReadOnlyList<int> ProposerIds,
    IReadOnlyList<string> ProposerNames,
    bool Mandatory,
    string? Material,
    VoteMode VoteMode,
    ItemStatus Status,
    int Entitled,
    int Present,
    bool? InChargePresent,
    bool QuorumMet,
    IReadOnlyList<string> QuorumProblems,
    int QuorumNeeded,
    IReadOnlyList<string> StillToSpeakBeforeSecretary,
    VoteChoice? SecretaryView,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesAbstain,
    ItemOutcome? Outcome,
    bool Escalated,
    DateTimeOffset? DecidedAt,
    ItemOutcome? RulingOutcome,
    string? RulingText,
    string? RulingOrganizationName,
    string? RuledBy,
    DateTimeOffset? RuledAt,
    ItemOutcome? FinalOutcome,
    string? FollowUp,
    IReadOnlyList<SpeechView> Speeches,
    IReadOnlyList<VoteView> Votes,
    bool SecretBoxOpen,
    IReadOnlyList<AttachmentView> Attachments,
    int Version);

public sealed record MeetingDetail(
    int Id,
    int OrganizationId,
    string OrganizationName,
    MeetingType Type,
    string Title,
    DateOnly Date,
    TimeOnly? StartTime,
    string? Location,
    DateOnly? NoticeDate,
    string? NoticeText,
    int? NoticeWorkingDays,
    int NoticeRequiredDays,
    bool? NoticeOk,
    bool Emergency,
    string? EmergencyReason,
    int? SecretaryPersonId,
    string? SecretaryName,
    MeetingStatus Status,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ItemView> Items,
    bool MayWrite,
    int Version);

public sealed record SecretBallotInfo(int ItemId, string ItemTitle, string MeetingTitle, string OrganizationName, bool Open);

public sealed record SecretVoteStarted(int ItemId, int Present, IReadOnlyList<string> Codes);

public sealed record EscalationRow(
    int ItemId,
    int MeetingId,
    string MeetingTitle,
    DateOnly MeetingDate,
    int OrganizationId,
    string OrganizationName,
    string ItemTitle,
    ItemCategory Category,
    ItemOutcome? Outcome,
    VoteChoice? SecretaryView,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesAbstain,
    int? Entitled,
    int Version);

public sealed record SettingsView(int OrganizationId, int NoticeWorkingDays, int Version);

public sealed record InviteeSuggestion(int PersonId, string Name, TeamRole? Position, bool Entitled, bool IsSecretary);

/// <summary>Resource anchor of the meeting pages' text.</summary>
public sealed class MeetingText;
