using Dangjian.Domain.Commitments;

namespace Dangjian.Web.Features.Commitments.Fulfilment;

/// <summary>The fulfilment pages' own strings (FulfilmentText.resx, FulfilmentText.en.resx).</summary>
public sealed class FulfilmentText;

/// <summary>履诺记实: a dated record; <c>evidenceFileIds</c> are files already uploaded to this item.</summary>
public sealed record RecordProgressRequest(
    DateOnly? Date, string? Steps, string? ResponsibleUnit, string? ResponsiblePerson, string? Result, IReadOnlyList<int>? EvidenceFileIds);

/// <summary>
/// A supervisor's comment. A supervisor writes as themselves (found from the person their account is linked to); a clerk
/// recording a comment handed in on paper names the supervisor in <c>supervisorId</c>.
/// </summary>
public sealed record SupervisorCommentRequest(string? Text, bool Lagging, int? SupervisorId);

public sealed record RegisterSupervisorRequest(int? OrganizationId, int? PersonId, string? Name, SupervisorKind? Kind, DateOnly? AssignedOn);

public sealed record EndSupervisorRequest(DateOnly? EndedOn, int Version);

public sealed record EvidenceFileView(int Id, int CommitmentId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record EvidenceContent(string FileName, string ContentType, byte[] Content);

public sealed record ProgressView(
    int Id, DateOnly Date, string Steps, string? ResponsibleUnit, string ResponsiblePerson, string? Result,
    IReadOnlyList<EvidenceFileView> Evidence, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record SupervisorCommentView(int Id, int SupervisorId, string SupervisorName, string Text, bool Lagging, DateTimeOffset At);

/// <summary>
/// One item with its whole fulfilment (履): the item as the ledger shows it (approval trail included), whether it is lagging,
/// its progress records with their files, the files not yet cited, the supervisors' comments, oldest first, and its
/// evaluation rounds (评: grade, tally, outcome, rectification), first round first.
/// </summary>
public sealed record CommitmentItemDetail(
    CommitmentView Item, bool Lagging, IReadOnlyList<ProgressView> Progress, IReadOnlyList<EvidenceFileView> UncitedEvidence,
    IReadOnlyList<SupervisorCommentView> SupervisorComments, IReadOnlyList<Grading.CommitmentEvaluationView> Evaluations);

public sealed record SupervisorView(
    int Id, int OrganizationId, string OrganizationName, int? PersonId, string Name, SupervisorKind Kind, DateOnly AssignedOn, DateOnly? EndedOn,
    bool ServingToday, int Version);

/// <summary>One item due soon or overdue (提醒).</summary>
public sealed record ReminderItem(
    int Id, string OwnerName, string OrganizationName, string Content, DateOnly DueDate, bool Overdue, int DaysLeft, bool Lagging);

/// <summary>The reminders of one responsible person (责任人), most urgent first.</summary>
public sealed record ReminderGroup(string ResponsibleName, int? ResponsiblePersonId, IReadOnlyList<ReminderItem> Items);

public sealed record ReminderList(int Days, IReadOnlyList<ReminderGroup> Groups);
