using Dangjian.Domain.Meetings;

namespace Dangjian.Web.Features.Meetings.Minutes;

/// <summary>Create the draft, or change its text (Version of the draft when it exists).</summary>
public sealed record SaveMinutesRequest(string? Text, int? Version = null);

/// <summary>Sign the current draft (its Version).</summary>
public sealed record SignMinutesRequest(int? Version);

/// <summary>Correct signed minutes: a new draft revision with the reason, prefilled with the signed text unless Text is given.</summary>
public sealed record CorrectMinutesRequest(string? Reason, string? Text = null);

/// <summary>One revision of a meeting's minutes.</summary>
public sealed record MinutesView(
    int Id,
    int MeetingId,
    int Revision,
    MinutesStatus Status,
    int Year,
    int? Number,
    string? Display,
    string Text,
    string? SignedBy,
    DateTimeOffset? SignedAt,
    string? CorrectionReason,
    int Version);

/// <summary>A meeting's minutes with what the page needs around them.</summary>
public sealed record MinutesOverview(
    int MeetingId,
    string MeetingTitle,
    MeetingType MeetingType,
    MeetingStatus MeetingStatus,
    DateOnly MeetingDate,
    int OrganizationId,
    string OrganizationName,
    bool CanWrite,
    bool CanSign,
    IReadOnlyList<MinutesView> Revisions)
{
    /// <summary>The draft being written, if any.</summary>
    public MinutesView? Draft => Revisions.FirstOrDefault(r => r.Status == MinutesStatus.Draft);

    /// <summary>The revision in force: the signed one not superseded.</summary>
    public MinutesView? InForce => Revisions.FirstOrDefault(r => r.Status == MinutesStatus.SignedOff);

    public bool MaySign => CanSign && Draft is not null && MeetingStatus == MeetingStatus.Closed;

    public bool MayCorrect => CanSign && Draft is null && InForce is not null && MeetingStatus != MeetingStatus.Cancelled;

    public bool MayEdit => CanWrite && MeetingStatus != MeetingStatus.Cancelled && (Draft is not null || InForce is null);
}

/// <summary>
/// The printable 纪要: the meeting, attendance and items (with their discussion) as recorded, the revision's text (null
/// while no minutes exist: the record a first draft starts from), and who signed it, by name and post.
/// </summary>
public sealed record MinutesDocument(
    string OrganizationName,
    string MeetingTitle,
    MeetingType MeetingType,
    DateOnly MeetingDate,
    TimeOnly? StartTime,
    string? Location,
    string? SecretaryName,
    bool Emergency,
    IReadOnlyList<string> Present,
    IReadOnlyList<AbsentPerson> Absent,
    IReadOnlyList<string> NonVoting,
    IReadOnlyList<DocumentItem> Items,
    MinutesView? Minutes,
    MinutesSigner? Signer);

/// <summary>Who signed the minutes: the person behind the account, with their post in the organization's team (职务).</summary>
public sealed record MinutesSigner(string Name, Dangjian.Domain.Teams.TeamRole? Post);

/// <summary>One statement in an item's discussion, in the order spoken (the secretary last, MTG-5).</summary>
public sealed record DocumentSpeech(string Name, VoteChoice? View, string? Summary);

public sealed record AbsentPerson(string Name, string? Reason);

public sealed record DocumentItem(
    int Order, string Title, ItemCategory Category, ItemStatus Status, ItemOutcome? Outcome, int? VotesFor, int? VotesAgainst, int? VotesAbstain,
    IReadOnlyList<DocumentSpeech> Speeches, string? RulingText, string? FollowUp);

/// <summary>One line of an organization's register of numbered minutes for a year (the revision in force).</summary>
public sealed record RegisterRow(
    int MeetingId,
    int Number,
    string Display,
    int Revision,
    string MeetingTitle,
    MeetingType MeetingType,
    DateOnly MeetingDate,
    string? SignedBy,
    DateTimeOffset? SignedAt,
    string? OrganizationName = null);

public sealed record MinutesRegister(int OrganizationId, string OrganizationName, int Year, IReadOnlyList<RegisterRow> Rows);

/// <summary>Marker for the minutes pages' strings (MinutesText.resx, MinutesText.en.resx).</summary>
public sealed class MinutesText;
