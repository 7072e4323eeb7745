using Dangjian.Domain.Commitments;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Awards;

/// <summary>
/// The three titles of a 评先评优 selection (创先争优, EVA-11). 中国共产党党内功勋荣誉表彰条例 第十六条 names them: 优秀共产党员
/// (a member who fulfils the member's duties in an exemplary way), 优秀党务工作者 (a full- or part-time party worker with marked
/// results), 先进基层党组织 (an organization that fulfils its duties in an exemplary way); seed 002 (创先争优长效机制): 创建先进基层党组织、
/// 争当优秀共产党员.
/// </summary>
public enum AwardCategory
{
    /// <summary>先进基层党组织: the nominee is an organization.</summary>
    AdvancedOrganization,

    /// <summary>优秀共产党员.</summary>
    ExcellentMember,

    /// <summary>优秀党务工作者.</summary>
    ExcellentPartyWorker,
}

/// <summary>
/// A grade scale of the evaluations module (best first) and the lowest grade of it an award nominee may hold.
/// </summary>
public sealed record GradeFloor(IReadOnlyList<string> Scale, string Minimum)
{
    /// <summary>Whether <paramref name="grade"/> is on this scale and below <see cref="Minimum"/>.</summary>
    public bool IsBelow(string grade)
    {
        var at = Scale.ToList().IndexOf(grade);
        var min = Scale.ToList().IndexOf(Minimum);
        return at >= 0 && min >= 0 && at > min;
    }
}

/// <summary>
/// The rule data of award eligibility and publicity (EVA-11), with their sources. 中国共产党党内功勋荣誉表彰条例 第十六条 leaves the
/// specific conditions to the organization running the selection ("开展表彰的党组织应当…对表彰对象提出具体条件"); these defaults are
/// the conditions this system applies, each read from the seeds where the seeds say it:
/// <list type="bullet">
/// <item><see cref="GradeFloors"/>: this year's evaluation grade not below 称职 (annual assessment) or 合格 (民主评议党员). Seed 002,
/// 六 考评机制: 基层组织是否先进、党员是否优秀，要依据这个既定的程序和目标来衡量 — the evaluation result is that measure; the floor itself is
/// this system's default.</item>
/// <item><see cref="MassCriticismShare"/>: the mass-criticism flag (群众意见差). No such flag existed in the evaluations module; this
/// system raises it when a commitment of the nominee graded this year had 不满意 votes of more than half of the votes cast — seed
/// 001 第五篇 四、评: 多数群众不满意的，责令限期整改, the same line as <see cref="CommitmentRules.Rectification"/>; seed 002 六: 群众公认.</item>
/// <item><see cref="RefusedCommitmentGrades"/>: a commitment graded 差 this year (seed 001 第五篇 四、评: 对考核评价"差"…责令限期整改).</item>
/// <item><see cref="RefuseOpenNotices"/>: an open 整改通知 (seed 004 五: 监督预警…发放整改通知) against the nominee: a problem not yet
/// rectified. This system's default.</item>
/// <item><see cref="RefuseProbationary"/>: 优秀共产党员 and 优秀党务工作者 are full members; a probationary member (预备党员) is still being
/// examined (党章 第七条: 预备期). This system's default.</item>
/// <item><see cref="PublicityWorkingDays"/>: 公示 of the chosen for 5 working days — this system's default, approximating the
/// publicity the 表彰条例 requires before a decision (the article and its length not confirmed).</item>
/// </list>
/// </summary>
public sealed record AwardRules
{
    public const int MaxPublicityWorkingDays = 30;

    public static AwardRules Default { get; } = new();

    public IReadOnlyList<GradeFloor> GradeFloors { get; init; } =
    [
        new(["优秀", "称职", "基本称职", "不称职"], "称职"),
        new(["优秀", "合格", "基本合格", "不合格"], "合格"),
    ];

    /// <summary>不满意 votes of more than this share (numerator, denominator) of the votes cast raise the mass-criticism flag.</summary>
    public Share MassCriticismShare { get; init; } = Share.MoreThanHalf;

    public IReadOnlyList<CommitmentGrade> RefusedCommitmentGrades { get; init; } = [CommitmentGrade.Poor];

    public bool RefuseOpenNotices { get; init; } = true;

    public bool RefuseProbationary { get; init; } = true;

    public int PublicityWorkingDays { get; init; } = 5;
}
