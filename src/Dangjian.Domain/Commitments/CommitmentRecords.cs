using Dangjian.Domain.Common;

namespace Dangjian.Domain.Commitments;

/// <summary>What a commitment says, as written by its owner or the clerk (定): checked by <see cref="Commitment.Edit"/>.</summary>
public sealed record CommitmentContent(
    string Content, string Measures, DateOnly Deadline, string ResponsibleName, int? ResponsiblePersonId = null, IReadOnlyList<Guid>? CitedOpinionIds = null);

/// <summary>整改: by when and how, set when a round sends an item to rectification (限期整改).</summary>
public sealed record RectificationPlan(DateOnly Deadline, string Measures);

/// <summary>One level's decision on a commitment (审核): appended, never rewritten.</summary>
public sealed class CommitmentDecision
{
    public int Id { get; set; }

    public int CommitmentId { get; set; }

    public ApprovalLevel Level { get; set; }

    public ApprovalDecision Decision { get; set; }

    /// <summary>Required for a return or a rejection.</summary>
    public string? Comment { get; set; }

    /// <summary>The account that recorded the decision.</summary>
    public string By { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// 履诺记实 (CMT-5): a dated progress record (seed 001 第五篇 三、履: 履诺具体步骤、推进措施、责任单位和责任人、工作成效), with
/// the evidence files. Appended by <see cref="Commitment.RecordProgress"/>, never edited.
/// </summary>
public sealed class FulfilmentRecord
{
    public const int MaxTextLength = 2000;
    public const int MaxUnitLength = 100;
    public const int MaxEvidenceFiles = 20;

    public int Id { get; set; }

    public int CommitmentId { get; set; }

    /// <summary>The day the work was done.</summary>
    public DateOnly Date { get; set; }

    /// <summary>具体步骤、推进措施.</summary>
    public string Steps { get; set; } = string.Empty;

    /// <summary>责任单位.</summary>
    public string? ResponsibleUnit { get; set; }

    /// <summary>责任人.</summary>
    public string ResponsiblePerson { get; set; } = string.Empty;

    /// <summary>工作成效.</summary>
    public string? Result { get; set; }

    /// <summary>The stored files that prove it (佐证材料).</summary>
    public List<int> EvidenceFileIds { get; set; } = [];

    public string RecordedBy { get; set; } = string.Empty;

    /// <summary>When it was entered: a later entry clears a lagging flag (<see cref="Commitment.IsLagging"/>).</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A 履诺监督员's comment on an item (CMT-5); <see cref="Lagging"/> flags it as falling behind.</summary>
public sealed class SupervisorComment
{
    public int Id { get; set; }

    public int CommitmentId { get; set; }

    /// <summary>The <see cref="CommitmentSupervisor"/> who wrote it.</summary>
    public int SupervisorId { get; set; }

    public string SupervisorName { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public bool Lagging { get; set; }
}

/// <summary>One evaluation round of an item (评, CMT-6): grade, tally, outcome, and the rectification it set. Appended, never rewritten.</summary>
public sealed class CommitmentEvaluation
{
    public int Id { get; set; }

    public int CommitmentId { get; set; }

    /// <summary>1 for the year-end round, 2 and on for re-evaluations after rectification.</summary>
    public int Round { get; set; }

    public CommitmentGrade Grade { get; set; }

    public int Satisfied { get; set; }

    public int BasicallySatisfied { get; set; }

    public int Dissatisfied { get; set; }

    public CommitmentOutcome Outcome { get; set; }

    public DateOnly? RectificationDeadline { get; set; }

    public string? RectificationMeasures { get; set; }

    public string By { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public SatisfactionTally Tally => new(Satisfied, BasicallySatisfied, Dissatisfied);
}

/// <summary>How an opinion was collected (定: 召开一次座谈会、设置一个意见箱、开展一次调研走访的"三个一"方式).</summary>
public enum OpinionChannel
{
    /// <summary>座谈会.</summary>
    Meeting,

    /// <summary>意见箱: the anonymous public suggestion form.</summary>
    SuggestionBox,

    /// <summary>调研走访.</summary>
    Visit,
}

/// <summary>
/// An opinion collected for a campaign (CMT-1), which commitments may cite. One from the suggestion box keeps its text,
/// channel and day and nothing else: a random id, no sender, no time of day (as democratic life meetings' opinions).
/// </summary>
public sealed class CommitmentOpinion
{
    public const int MaxTextLength = 2000;

    /// <summary>Random (version 4), never generated in order.</summary>
    public Guid Id { get; set; }

    public int CampaignId { get; set; }

    public OpinionChannel Channel { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>The day only.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Who gave it at a 座谈会 or a visit, if they agreed to be named; null from the suggestion box.</summary>
    public string? SubmitterName { get; set; }
}

/// <summary>Who a 履诺监督员 is (聘请老干部、人大代表、政协委员、党员群众代表为履诺监督员): people, not necessarily members.</summary>
public enum SupervisorKind
{
    /// <summary>老干部.</summary>
    RetiredCadre,

    /// <summary>人大代表.</summary>
    PeoplesCongressDeputy,

    /// <summary>政协委员.</summary>
    PoliticalConsultativeMember,

    /// <summary>党员代表.</summary>
    MemberRepresentative,

    /// <summary>群众代表.</summary>
    ResidentRepresentative,
}

/// <summary>A 履诺监督员 assigned to an organization (CMT-5): reads and comments on the items of its subtree.</summary>
public sealed class CommitmentSupervisor : Common.IVersioned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>On the roster when they are; a supervisor need not be.</summary>
    public int? PersonId { get; set; }

    public string Name { get; set; } = string.Empty;

    public SupervisorKind Kind { get; set; }

    public DateOnly AssignedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public int Version { get; set; }

    /// <summary>Serving on <paramref name="day"/>: from the day assigned to the day before it ended.</summary>
    public bool ServesOn(DateOnly day) => day >= AssignedOn && (EndedOn is not { } end || day < end);

    /// <summary>
    /// 聘请履诺监督员 (seed 001 第五篇 三、履): a named person of a known kind, serving the organization from
    /// <paramref name="assignedOn"/>; refused naming the field, as every input.
    /// </summary>
    public static CommitmentSupervisor Assign(int organizationId, int? personId, string? name, SupervisorKind? kind, DateOnly? assignedOn)
    {
        var trimmed = TextInput.Required(name, MaxNameLength, "name", "Field.Commitment.Supervisor");
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            throw new DomainRuleException("Input.Required", "kind", "Field.Commitment.SupervisorKind");
        }

        if (assignedOn is not { } day)
        {
            throw new DomainRuleException("Input.Required", "assignedOn", "Field.Commitment.AssignedOn");
        }

        SaneDates.Demand(day, "assignedOn", "Field.Commitment.AssignedOn");
        return new CommitmentSupervisor { OrganizationId = organizationId, PersonId = personId, Name = trimmed, Kind = k, AssignedOn = day };
    }

    /// <summary>The term ends on <paramref name="endedOn"/> (the last day served is the day before); once, not before it began.</summary>
    public void End(DateOnly endedOn)
    {
        if (EndedOn is not null)
        {
            throw new DomainRuleException("Commitment.SupervisorEnded", "endedOn");
        }

        SaneDates.Demand(endedOn, "endedOn", "Field.Commitment.EndedOn");
        if (endedOn < AssignedOn)
        {
            throw new DomainRuleException("Commitment.SupervisorEndBeforeStart", "endedOn");
        }

        EndedOn = endedOn;
    }

    /// <summary>
    /// May comment on an item of the organization at <paramref name="itemOrganizationPath"/> on <paramref name="day"/>: serving
    /// that day, assigned to that organization or one above it (a supervisor reads and comments on the items of the subtree
    /// they were assigned to, never a sibling's). <paramref name="ownOrganizationPath"/> is the path of <see cref="OrganizationId"/>.
    /// </summary>
    public bool MayCommentOn(string ownOrganizationPath, string itemOrganizationPath, DateOnly day) =>
        ServesOn(day) && Organizations.OrganizationTree.IsWithin(itemOrganizationPath, ownOrganizationPath);
}
