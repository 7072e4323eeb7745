using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres.Selection;

/// <summary>
/// The rule data of a selection case (选任, CAD-3 … CAD-5), set per district:
/// <list type="bullet">
/// <item>差额考察: seed 004, 三 (三) 依托制度创新: "差额考察数按每个职位多于拟任人选1至2名的标准确定" — per post 1 to 2 more
/// inspected than appointed (<see cref="MinExtraPerPost"/>, <see cref="MaxExtraPerPost"/>).</item>
/// <item>考察组: 《党政领导干部选拔任用工作条例》(2019) 第三十三条 "考察组由两名以上成员组成" (<see cref="MinTeamSize"/>).</item>
/// <item>公示: 《党政领导干部选拔任用工作条例》(2014) 第四十一条 "公示期不少于五个工作日" (<see cref="PublicityWorkingDays"/>).</item>
/// <item>试用期: the same 条例 (2014) 第四十二条 "试用期为一年" (<see cref="ProbationMonths"/>).</item>
/// </list>
/// </summary>
public sealed record SelectionRules(int MinExtraPerPost, int MaxExtraPerPost, int MinTeamSize, int PublicityWorkingDays, int ProbationMonths)
{
    /// <summary>The most posts one case fills at once, and the most extra candidates per post a district may set.</summary>
    public const int MaxPosts = 20;

    public const int MaxExtraLimit = 5;

    /// <summary>A publicity period of more than a quarter of a year's working days, or a probation past five years, is a typo.</summary>
    public const int MaxPublicityWorkingDays = 60;

    public const int MaxProbationMonths = 60;

    public const int MaxTeamSizeLimit = 20;

    public static SelectionRules Defaults { get; } = new(1, 2, 2, 5, 12);

    /// <summary>
    /// Rule data a district sets: at least one extra candidate per post (差额, not 等额), a maximum not below it, a team of
    /// at least two, at least the five working days of publicity the 条例 demands, and a probation of at least a month.
    /// </summary>
    public void Demand()
    {
        if (MinExtraPerPost < 1 || MinExtraPerPost > MaxExtraLimit)
        {
            throw new DomainRuleException("Input.OutOfRange", "minExtraPerPost", "Field.Selection.MinExtraPerPost", 1, MaxExtraLimit);
        }

        if (MaxExtraPerPost < MinExtraPerPost || MaxExtraPerPost > MaxExtraLimit)
        {
            throw new DomainRuleException("Input.OutOfRange", "maxExtraPerPost", "Field.Selection.MaxExtraPerPost", MinExtraPerPost, MaxExtraLimit);
        }

        if (MinTeamSize < 2 || MinTeamSize > MaxTeamSizeLimit)
        {
            throw new DomainRuleException("Input.OutOfRange", "minTeamSize", "Field.Selection.MinTeamSize", 2, MaxTeamSizeLimit);
        }

        if (PublicityWorkingDays < 5 || PublicityWorkingDays > MaxPublicityWorkingDays)
        {
            throw new DomainRuleException("Input.OutOfRange", "publicityWorkingDays", "Field.Selection.PublicityWorkingDays", 5, MaxPublicityWorkingDays);
        }

        if (ProbationMonths < 1 || ProbationMonths > MaxProbationMonths)
        {
            throw new DomainRuleException("Input.OutOfRange", "probationMonths", "Field.Selection.ProbationMonths", 1, MaxProbationMonths);
        }
    }

    /// <summary>The fewest and the most candidates a differential inspection of <paramref name="posts"/> posts may inspect.</summary>
    public (int Min, int Max) InspectedRange(int posts) => (posts * (1 + MinExtraPerPost), posts * (1 + MaxExtraPerPost));

    /// <summary>
    /// Refuses a number of candidates to inspect outside <see cref="InspectedRange"/>: too few is an 等额 inspection in
    /// disguise, too many dilutes it (seed 004, 三 (三)).
    /// </summary>
    public void DemandDifferential(int posts, int inspected)
    {
        var (min, max) = InspectedRange(posts);
        if (inspected < min)
        {
            throw new DomainRuleException("Selection.TooFewInspected", "candidates", inspected, posts, min, max);
        }

        if (inspected > max)
        {
            throw new DomainRuleException("Selection.TooManyInspected", "candidates", inspected, posts, min, max);
        }
    }
}
