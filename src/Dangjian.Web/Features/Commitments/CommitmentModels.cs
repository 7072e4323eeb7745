using Dangjian.Domain.Commitments;

namespace Dangjian.Web.Features.Commitments;

/// <summary>The commitments feature's own strings (CommitmentText.resx, CommitmentText.en.resx).</summary>
public sealed class CommitmentText;

/// <summary>A share as a plain fraction (2/3); <c>inclusive</c> says whether the number itself meets it (以上).</summary>
public sealed record ShareRequest(int? Numerator, int? Denominator, bool? Inclusive);

/// <summary>A campaign's rule data; a value left out keeps the seed's default (<see cref="CommitmentRules.Default"/>).</summary>
public sealed record CommitmentRulesRequest(
    int? MinPerMember, int? MaxPerMember, ShareRequest? Closure, ShareRequest? Rectification, IReadOnlyList<ApprovalLevel>? ApprovalLevels);

public sealed record CreateCommitmentCampaignRequest(int? OrganizationId, int? Year, string? Title, CommitmentRulesRequest? Rules);

/// <summary>The next step of the campaign (定 → 审 → 履 → 评 → closed): the step it moves to, named to guard against a double click.</summary>
public sealed record AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus? To, int Version);

/// <summary>What an item commits to (定). The member's own page leaves the responsible person out: it is themselves.</summary>
public sealed record CommitmentRequest(
    string? Content, string? Measures, DateOnly? Deadline, string? ResponsibleName, int? ResponsiblePersonId, IReadOnlyList<Guid>? CitedOpinionIds);

/// <summary>The clerk's entry of an item: for a member (<c>personId</c>) or an organization's own (<c>ownerOrganizationId</c>, with a direction).</summary>
public sealed record NewCommitmentRequest(
    int? PersonId, int? OwnerOrganizationId, CommitmentDirection? Direction,
    string? Content, string? Measures, DateOnly? Deadline, string? ResponsibleName, int? ResponsiblePersonId, IReadOnlyList<Guid>? CitedOpinionIds)
{
    public CommitmentRequest Item => new(Content, Measures, Deadline, ResponsibleName, ResponsiblePersonId, CitedOpinionIds);
}

public sealed record UpdateCommitmentRequest(
    string? Content, string? Measures, DateOnly? Deadline, string? ResponsibleName, int? ResponsiblePersonId, IReadOnlyList<Guid>? CitedOpinionIds, int Version)
{
    public CommitmentRequest Item => new(Content, Measures, Deadline, ResponsibleName, ResponsiblePersonId, CitedOpinionIds);
}

/// <summary>Submits one owner's draft and returned items (a member by <c>personId</c>, or an organization).</summary>
public sealed record SubmitCommitmentsRequest(int? PersonId, int? OwnerOrganizationId);

/// <summary>One level's decision (审核): a return or a rejection says why in <c>comment</c>.</summary>
public sealed record DecideCommitmentRequest(ApprovalLevel? Level, ApprovalDecision? Decision, string? Comment, int Version);

public sealed record CommitmentCampaignRow(int Id, int OrganizationId, string OrganizationName, int Year, string Title, CommitmentCampaignStatus Status, int Items);

public sealed record CommitmentCampaignView(
    int Id, int OrganizationId, string OrganizationName, int Year, string Title, CommitmentCampaignStatus Status, CommitmentRules Rules,
    IReadOnlyDictionary<CommitmentStatus, int> ItemsByStatus, int Version);

public sealed record CommitmentDecisionView(ApprovalLevel Level, ApprovalDecision Decision, string? Comment, string By, DateTimeOffset At);

/// <summary>The latest progress record (履诺记实) as the ledger shows it.</summary>
public sealed record LastProgressView(DateOnly Date, string Steps, string? Result);

/// <summary>
/// One item as the ledger (台账) and the owner's page show it: the owner (a member or an organization) and the organization
/// it belongs to, what it commits to, where it stands, and whether it is overdue or due on the day it is read.
/// </summary>
public sealed record CommitmentView(
    int Id, int CampaignId, int? OwnerPersonId, int? OwnerOrganizationId, string OwnerName, int OrganizationId, string OrganizationName,
    CommitmentDirection Direction, string Content, string Measures, DateOnly Deadline, string ResponsibleName, int? ResponsiblePersonId,
    IReadOnlyList<Guid> CitedOpinionIds, CommitmentStatus Status, ApprovalLevel? CurrentLevel, DateOnly? DueDate, bool Overdue,
    LastProgressView? LastProgress, IReadOnlyList<CommitmentDecisionView> Decisions, int Version);

/// <summary>A campaign that covers the signed-in member, with the bound on their items and the items themselves.</summary>
public sealed record MyCommitmentCampaignView(
    int Id, string OrganizationName, int Year, string Title, CommitmentCampaignStatus Status, bool AcceptsSubmissions,
    int MinPerMember, int MaxPerMember, IReadOnlyList<CommitmentView> Items);

/// <summary>The ledger's filters (台账): all optional.</summary>
public sealed record LedgerFilter(
    CommitmentStatus? Status, int? OwnerPersonId, int? OrganizationId, CommitmentDirection? Direction, DateOnly? DeadlineFrom, DateOnly? DeadlineTo,
    bool? Overdue, int? DueWithinDays);
