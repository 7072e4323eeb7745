using Dangjian.Domain.Meetings.Talks;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Meetings.Talks;

/// <summary>Strings of the talk register's pages and exports (TalkText.resx, TalkText.en.resx), its enum labels included.</summary>
public sealed class TalkText;

// ---- Requests

/// <summary>A talk held in an organization: the day (not after today), who started it, with whom, how, the topics, the follow-up.</summary>
public sealed record RecordTalkRequest(int? OrganizationId, DateOnly? HeldOn, int? InitiatorId, int? PartnerId, TalkKind? Kind, string? Topics, string? FollowUp);

/// <summary>A correction of a talk record, at the version read.</summary>
public sealed record EditTalkRequest(int Version, DateOnly? HeldOn, int? InitiatorId, int? PartnerId, TalkKind? Kind, string? Topics, string? FollowUp);

/// <summary>The follow-up of a talk and, once done, the day it was (not before the talk, not after today).</summary>
public sealed record TalkFollowUpRequest(int Version, string? FollowUp, DateOnly? DoneOn);

// ---- Views

/// <summary>One talk as the register shows it.</summary>
public sealed record TalkView(
    int Id, int OrganizationId, string OrganizationName, DateOnly HeldOn, int InitiatorId, string InitiatorName, int PartnerId, string PartnerName,
    TalkKind Kind, string Topics, string? FollowUp, DateOnly? FollowUpDoneOn, string RecordedBy, int Version);

/// <summary>A page of the register, and whether the caller may record talks in the organization asked for.</summary>
public sealed record TalkRegisterView(Paged<TalkView> Talks, bool CanWrite);

/// <summary>A person the record form offers: on the organization's roll or on its team in office.</summary>
public sealed record TalkPersonOption(int Id, string Name, bool OnTeam);

/// <summary>A pair that must talk in the year, by name, with the year's number of talks between them.</summary>
public sealed record TalkPairView(int FirstId, string FirstName, int SecondId, string SecondName, TalkDuty Duty, int Talks, bool Owed);

/// <summary>
/// An organization's coverage of a year (<see cref="TalkRequirements.Coverage"/>): the team in office on
/// <see cref="TeamDay"/> and the organization's party members set the pairs; <see cref="HasTeam"/> is false when no team
/// was in office, and then nothing is required.
/// </summary>
public sealed record TalkCoverageView(
    int OrganizationId, string OrganizationName, int Year, DateOnly TeamDay, bool HasTeam, int Required, int Covered, int Owed,
    IReadOnlyList<TalkPairView> Pairs);
