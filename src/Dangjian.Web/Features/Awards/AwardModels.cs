using Dangjian.Domain.Awards;

namespace Dangjian.Web.Features.Awards;

/// <summary>Strings of the 评先评优 pages and export (AwardText.resx, AwardText.en.resx).</summary>
public sealed class AwardText;

// ---- Requests

/// <summary>A new selection: the organization running it, the year, the title and a quota per category.</summary>
public sealed record OpenSelectionRequest(int? OrganizationId, int? Year, string? Title, int? OrganizationQuota, int? MemberQuota, int? PartyWorkerQuota);

/// <summary>A nomination: a person (优秀共产党员, 优秀党务工作者) or an organization (先进基层党组织) of the selection's subtree.</summary>
public sealed record NominateRequest(AwardCategory? Category, int? PersonId, int? NomineeOrganizationId, string? NominatedBy, string? Statement, int Version);

/// <summary>A step that needs only the selection's version (the eligibility check, the award).</summary>
public sealed record SelectionStepRequest(int Version);

/// <summary>确定人选: the chosen nominations.</summary>
public sealed record DecideRequest(IReadOnlyList<int>? Chosen, int Version);

/// <summary>公示 from a day (today when not given).</summary>
public sealed record PublicizeAwardRequest(DateOnly? From, int Version);

/// <summary>An objection to a chosen nominee, filed by staff (by name) or by the public (no name).</summary>
public sealed record AwardObjectionRequest(int? NominationId, string? Text, string? FiledBy, int? Version);

/// <summary>The answer to an objection: upheld takes the nominee off the chosen.</summary>
public sealed record AnswerAwardObjectionRequest(bool? Upheld, string? Answer, int Version);

// ---- Views

/// <summary>A selection in the list.</summary>
public sealed record AwardSelectionRow(
    int Id, int OrganizationId, string OrganizationName, int Year, string Title, AwardSelectionStatus Status, int Nominations, int Chosen);

/// <summary>A reason a nominee was refused: its code and arguments, and the message in the caller's language.</summary>
public sealed record RefusalView(string Code, IReadOnlyList<string> Arguments, string Text);

public sealed record NominationView(
    int Id, AwardCategory Category, int? PersonId, int? NomineeOrganizationId, string NomineeName, string NominatedBy, string Statement,
    NominationEligibility Eligibility, IReadOnlyList<RefusalView> Refusals, bool Chosen, bool RemovedByObjection);

public sealed record AwardObjectionView(
    int Id, int NominationId, string NomineeName, string Text, string? FiledBy, DateOnly FiledOn, bool? Upheld, string? Answer, string? AnsweredBy, DateOnly? AnsweredOn);

/// <summary>A selection with its nominations, objections and what the caller may do.</summary>
public sealed record AwardSelectionView(
    int Id, int OrganizationId, string OrganizationName, int Year, string Title, AwardSelectionStatus Status,
    int OrganizationQuota, int MemberQuota, int PartyWorkerQuota, DateOnly? PublicityFrom, DateOnly? PublicityTo, DateOnly? AwardedOn,
    IReadOnlyList<NominationView> Nominations, IReadOnlyList<AwardObjectionView> Objections, bool CanRun, int Version);

/// <summary>An award on a person's or an organization's page.</summary>
public sealed record AwardRecordView(int Id, int SelectionId, int Year, string Title, AwardCategory Category, string NomineeName, DateOnly AwardedOn);

/// <summary>The publicity page: the chosen and the period; no ids of people, only the nominations' to object to.</summary>
public sealed record PublicAwardView(
    int Id, string OrganizationName, int Year, string Title, DateOnly From, DateOnly To, bool Open, IReadOnlyList<PublicAwardNominee> Chosen);

public sealed record PublicAwardNominee(int NominationId, AwardCategory Category, string NomineeName, string Statement);
