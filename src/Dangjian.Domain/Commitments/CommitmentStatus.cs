namespace Dangjian.Domain.Commitments;

/// <summary>三级双向 (seed 001 第五篇 二、审): a commitment to the level above, or a level's commitment to those below it.</summary>
public enum CommitmentDirection
{
    /// <summary>党员向支部、支部向党委、党委向上级党组织.</summary>
    Upward,

    /// <summary>院、科两级党组织也要向广大党员做出承诺: an organization's commitment to those below it.</summary>
    Downward,
}

/// <summary>Where one commitment stands, from draft to 销号.</summary>
public enum CommitmentStatus
{
    /// <summary>草稿: written, not yet submitted.</summary>
    Draft,

    /// <summary>待审核 at <see cref="Commitment.CurrentLevel"/>.</summary>
    AwaitingApproval,

    /// <summary>退回修改 by <see cref="Commitment.CurrentLevel"/>: edited and submitted again, it re-enters there.</summary>
    Returned,

    /// <summary>不予通过: final.</summary>
    Rejected,

    /// <summary>审核通过, publicized (公示) and being fulfilled; not yet graded.</summary>
    Approved,

    /// <summary>Graded, neither closed nor in rectification: open, shown as such.</summary>
    Evaluated,

    /// <summary>整改中: a deadline and measures, then evaluated again.</summary>
    Rectifying,

    /// <summary>已销号.</summary>
    Closed,
}

/// <summary>What a level decides on a commitment (审核).</summary>
public enum ApprovalDecision
{
    Approve,
    Return,
    Reject,
}
