using Dangjian.Domain.Meetings;

namespace Dangjian.Web.Features.Meetings.Matters;

/// <summary>Strings of the raised-matter pages (MatterText.resx, MatterText.en.resx).</summary>
public sealed class MatterText;

// ---- Requests

/// <summary>The signed-in team member raises a matter in the organization whose current team they sit on.</summary>
public sealed record RaiseMatterRequest(int? OrganizationId, string? Title, string? Reason);

/// <summary>Co-signing, or taking one's signature back, on the version seen.</summary>
public sealed record MatterSignatureRequest(int Version);

/// <summary>Puts a matter on an open meeting of its organization as an agenda item of the category.</summary>
public sealed record ScheduleMatterRequest(int Version, int? MeetingId, ItemCategory? Category, int? InChargePersonId);

public sealed record DeclineMatterRequest(int Version, string? Reason);

// ---- Views

/// <summary>One raised matter as the list and /me show it.</summary>
public sealed record MatterView(
    int Id, int OrganizationId, string OrganizationName, string Title, string Reason, int RaisedByPersonId, string RaisedByName, DateOnly RaisedOn,
    IReadOnlyList<int> SupporterIds, IReadOnlyList<string> SupporterNames, int TeamSize, int MandatoryAt, bool Mandatory, RaisedMatterStatus Status,
    int? MeetingId, string? MeetingTitle, int? AgendaItemId, string? DeclineReason, int Version);

/// <summary>A team the signed-in person sits on now: where they may raise and co-sign.</summary>
public sealed record MyTeamOption(int OrganizationId, string OrganizationName, int Members);

/// <summary>/me's part: the person's current teams and those teams' matters (waiting ones first).</summary>
public sealed record MyMattersView(int? PersonId, IReadOnlyList<MyTeamOption> Teams, IReadOnlyList<MatterView> Matters);

/// <summary>An open meeting of the organization a matter can be put on.</summary>
public sealed record MeetingOption(int Id, string Title, DateOnly Date, MeetingType Type, IReadOnlyList<ParticipantOption> Participants);

/// <summary>A participant of the meeting who can be named the member in charge (分管) of the item.</summary>
public sealed record ParticipantOption(int PersonId, string Name);
