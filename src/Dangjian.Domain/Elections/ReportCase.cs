using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>
/// 举报 (ELE-14): a report of election misconduct (拉票贿选), filed, investigated and concluded. A report proven
/// against a nominee disqualifies them (ELE-5: 一票否决).
/// </summary>
public sealed class ReportCase : IVersioned
{
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    /// <summary>The nominee the report is about, if it names one.</summary>
    public int? NomineeId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public required string Summary { get; set; }

    public ReportStage Stage { get; set; }

    public string? Findings { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public int Version { get; set; }
}

public enum ReportStage
{
    /// <summary>受理.</summary>
    Filed,

    /// <summary>调查核实.</summary>
    Investigating,

    /// <summary>查实.</summary>
    Proven,

    /// <summary>不实/了结.</summary>
    Unfounded,
}

/// <summary>
/// 公推公选 / 公推直选 (ELE-15): a staged selection for one post. Each stage leaves a record; the stages go in order.
/// </summary>
public sealed class PublicSelection : IVersioned
{
    public const int MaxPostLength = 200;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public PublicSelectionKind Kind { get; set; }

    /// <summary>The post being filled ("XX村党组织书记").</summary>
    public required string Post { get; set; }

    public List<SelectionStageRecord> Records { get; set; } = [];

    public int Version { get; set; }
}

public enum PublicSelectionKind
{
    /// <summary>公推公选: the committee decides at the end.</summary>
    OpenSelection,

    /// <summary>公推直选: the member assembly elects directly at the end.</summary>
    DirectElection,
}

/// <summary>The stages, in order (seed 003, 公推直选).</summary>
public enum SelectionStage
{
    /// <summary>公布职位和资格条件.</summary>
    Conditions,

    /// <summary>报名与资格审查.</summary>
    SignUp,

    /// <summary>推荐投票确定入围人选.</summary>
    Shortlist,

    /// <summary>调研报告、公开演讲与答辩.</summary>
    SpeechAndQa,

    /// <summary>差额考察.</summary>
    Inspection,

    /// <summary>党委决定 (公推公选) or 党员大会直选 (公推直选).</summary>
    Decision,
}

/// <summary>What one stage produced: when, a summary, and the people who went through.</summary>
public sealed class SelectionStageRecord
{
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int SelectionId { get; set; }

    public SelectionStage Stage { get; set; }

    public DateOnly RecordedOn { get; set; }

    public required string Summary { get; set; }

    /// <summary>Who went on to the next stage (names as written), if the stage narrows the field.</summary>
    public string? Passed { get; set; }
}
