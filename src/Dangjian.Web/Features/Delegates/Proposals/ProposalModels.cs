using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Delegates.Proposals;

// ---- Requests

/// <summary>A proposal filed by staff on a delegate's behalf: the lead delegate and the co-signers, by person.</summary>
public sealed record FileProposalRequest(int? TermId, int? LeadPersonId, IReadOnlyList<int>? CoSignerPersonIds, string? Title, string? Content);

/// <summary>A proposal the signed-in delegate files and leads.</summary>
public sealed record FileMyProposalRequest(int? TermId, IReadOnlyList<int>? CoSignerPersonIds, string? Title, string? Content);

public sealed record ProposalStepRequest(int Version);

public sealed record DeclineProposalRequest(string? Reason, int Version);

/// <summary>交办: the handling organization and the handling period in working days (the rule's default when not given).</summary>
public sealed record AssignProposalRequest(int? HandlingOrganizationId, int? WorkingDays, int Version);

public sealed record AnswerProposalRequest(string? Text, int Version);

public sealed record RateProposalRequest(ProposalRating? Rating, int Version);

// ---- Views

public sealed record ProposerView(int PersonId, string Name, bool IsLead);

public sealed record ProposalAnswerView(int Round, string OrganizationName, string Text, string AnsweredBy, DateOnly AnsweredOn, DateOnly Deadline, bool Late);

public sealed record ProposalRatingView(int Round, int PersonId, string Name, ProposalRating Rating, DateOnly RatedOn);

/// <summary>What the caller may do on the proposal now.</summary>
public sealed record ProposalRights(bool Manage, bool Answer, bool Rate);

/// <summary>A proposal with its steps: proposers, every round's answer and every rating.</summary>
public sealed record ProposalView(
    int Id, int TermId, int TermNumber, string TermOrganizationName, string Title, string Content, DateOnly FiledOn, string FiledBy,
    ProposalStatus Status, DateOnly? RegisteredOn, string? NotRegisteredReason, int? HandlingOrganizationId, string? HandlingOrganizationName,
    DateOnly? AssignedOn, DateOnly? Deadline, int HandlingRound, DateOnly? ClosedOn, bool Overdue,
    IReadOnlyList<ProposerView> Proposers, IReadOnlyList<ProposalAnswerView> Answers, IReadOnlyList<ProposalRatingView> Ratings,
    IReadOnlyList<int> AwaitingRating, int Version, ProposalRights Rights);

/// <summary>One row of the list, the supervision list and the export.</summary>
public sealed record ProposalRow(
    int Id, int TermId, string Title, string LeadName, int Proposers, ProposalStatus Status, string? HandlingOrganizationName,
    DateOnly FiledOn, DateOnly? Deadline, int HandlingRound, bool Overdue);

/// <summary>A page of a term's proposals (or of those assigned to an organization's subtree).</summary>
public sealed record ProposalListView(Paged<ProposalRow> Items, bool CanManage);

/// <summary>A seat of the signed-in person, with the term's other serving delegates (to pick co-signers from).</summary>
public sealed record MySeatView(int TermId, int TermNumber, string TermOrganizationName, string DelegationName, bool Serving, bool TermRuns, IReadOnlyList<ProposerView> CoDelegates);

/// <summary>The signed-in delegate's seats and proposals (/me); empty for anyone who holds no seat.</summary>
public sealed record MyProposalsView(IReadOnlyList<MySeatView> Seats, IReadOnlyList<ProposalView> Proposals, int MinimumCoSigners);

/// <summary>A proposal as the public list shows it: the delegates' names and the answers, nothing else about anyone.</summary>
public sealed record PublicProposal(string Title, string Content, DateOnly FiledOn, ProposalStatus Status, IReadOnlyList<string> Proposers, string? HandlingOrganizationName, IReadOnlyList<PublicAnswer> Answers);

public sealed record PublicAnswer(int Round, string OrganizationName, DateOnly AnsweredOn, string Text);

public sealed record PublicProposalList(string OrganizationName, int TermNumber, IReadOnlyList<PublicProposal> Proposals);
