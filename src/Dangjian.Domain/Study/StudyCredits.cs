using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

/// <summary>The kinds of study record (STU-1); <see cref="StudyCredits.KindName"/> gives the name requirements count them by.</summary>
public enum StudyKind
{
    /// <summary>党校: a stay from one day to another.</summary>
    PartySchool,

    /// <summary>中心组 study session: date, hours, topic.</summary>
    CentralGroup,

    /// <summary>自学: date, hours, notes.</summary>
    SelfStudy,

    /// <summary>集中学习培训.</summary>
    Concentrated,

    /// <summary>A course (菜单式培训 and others).</summary>
    Course,

    /// <summary>A lecture the person gave (讲理论课).</summary>
    Lecture,
}

/// <summary>
/// What a record is about (学习内容): seed 004, 三 (一) sets credits "按参加学习时间、学习内容、考试成绩等情况", so the same hour
/// earns more on the theory a leader is examined on than on general knowledge. A record may leave it unclassified.
/// </summary>
public enum StudyContent
{
    /// <summary>马克思主义基本理论和党的创新理论.</summary>
    Theory,

    /// <summary>党章党规党纪和党性教育.</summary>
    PartySpirit,

    /// <summary>路线方针政策和法律法规.</summary>
    Policy,

    /// <summary>业务知识和科学文化知识.</summary>
    Knowledge,
}

/// <summary>How much a record's credits are multiplied by for its content (<see cref="StudyContent"/>).</summary>
public sealed record StudyContentRule(StudyContent Content, decimal Factor);

/// <summary>
/// What one kind of record earns: <see cref="Rate"/> credits per day for a party-school stay, per hour for a session, and
/// whether the clerk must approve it when the person enters it.
/// </summary>
public sealed record StudyCreditRule(StudyKind Kind, decimal Rate, bool NeedsApproval)
{
    /// <summary>A stay counts by the day (it has no hours), every other kind by the hour.</summary>
    public StudyUnit Unit => Kind == StudyKind.PartySchool ? StudyUnit.Days : StudyUnit.Hours;
}

/// <summary>
/// 理论学习学分制, rule data (seed 004, 三 (一) 重视理论武装工作: "按参加学习时间、学习内容、考试成绩等情况设置不同学分，要求每个领导干部每年
/// 必须取得一定学分"): credits per hour or per day by kind, credits for a passed exam, and the yearly minimum. The seed
/// sets the principle but no figures; <see cref="Defaults"/> are the project's starting figures, which an organization
/// changes. A party-school stay counts by the day (a day is about a working day of study, so 8 credits), sessions by
/// the hour; self-study is the least supervised, so it earns a tenth per hour and, with lectures given, waits for the
/// clerk's approval when the person enters it. By content (<see cref="Contents"/>) the kind's rate is multiplied: the
/// theory the 学分制 is built for earns half again, party rules and party spirit a fifth more, and policy, knowledge and
/// an unclassified record the plain rate (so leaving a record unclassified never earns more than classifying it).
/// </summary>
public sealed record StudyCredits(IReadOnlyList<StudyCreditRule> Rules, decimal RegularPassCredits, decimal MakeUpPassCredits, decimal YearlyMinimum)
{
    /// <summary>Credits are kept to four decimal places (the database's precision): a record's are rounded half away from zero.</summary>
    public const int CreditDecimals = 4;

    public static StudyCredits Defaults { get; } = new(
        [
            new(StudyKind.PartySchool, 8, false),
            new(StudyKind.CentralGroup, 1, false),
            new(StudyKind.SelfStudy, 0.1m, true),
            new(StudyKind.Concentrated, 1, false),
            new(StudyKind.Course, 1, false),
            new(StudyKind.Lecture, 2, true),
        ],
        RegularPassCredits: 10,
        MakeUpPassCredits: 5,
        YearlyMinimum: 100);

    /// <summary>The factor per content; a content the data leaves out earns <see cref="UnclassifiedFactor"/>.</summary>
    public IReadOnlyList<StudyContentRule> Contents { get; init; } =
    [
        new(StudyContent.Theory, 1.5m),
        new(StudyContent.PartySpirit, 1.2m),
        new(StudyContent.Policy, 1),
        new(StudyContent.Knowledge, 1),
    ];

    /// <summary>The factor of a record with no content given.</summary>
    public decimal UnclassifiedFactor { get; init; } = 1;

    /// <summary>The name a requirement (<see cref="StudyRequirement.Kind"/>) counts records of <paramref name="kind"/> by.</summary>
    public static string KindName(StudyKind kind) => kind switch
    {
        StudyKind.PartySchool => StudyDefaults.PartySchool,
        StudyKind.CentralGroup => StudyDefaults.CentralGroup,
        StudyKind.SelfStudy => StudyDefaults.SelfStudy,
        StudyKind.Concentrated => StudyDefaults.Concentrated,
        StudyKind.Course => StudyDefaults.Course,
        _ => StudyDefaults.Lecture,
    };

    /// <summary>The rule for <paramref name="kind"/>; a kind the data leaves out earns nothing and needs no approval.</summary>
    public StudyCreditRule For(StudyKind kind) =>
        Rules.FirstOrDefault(r => r.Kind == kind) ?? new(kind, 0, false);

    /// <summary>The factor <paramref name="content"/> multiplies a rate by (<see cref="UnclassifiedFactor"/> for none).</summary>
    public decimal Factor(StudyContent? content) =>
        content is { } c && Contents.FirstOrDefault(r => r.Content == c) is { } rule ? rule.Factor : UnclassifiedFactor;

    /// <summary>
    /// Credits for a quantity of <paramref name="kind"/> (hours, or days for a per-day kind) on <paramref name="content"/>:
    /// rate × factor × quantity, rounded half away from zero to <see cref="CreditDecimals"/> places.
    /// </summary>
    public decimal Earned(StudyKind kind, decimal quantity, StudyContent? content = null) =>
        decimal.Round(For(kind).Rate * Factor(content) * quantity, CreditDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Credits for an exam: a passed regular exam or make-up earns its figure, a failed one nothing.</summary>
    public decimal ForExam(ExamKind kind, bool passed) => !passed ? 0 : kind == ExamKind.Regular ? RegularPassCredits : MakeUpPassCredits;

    /// <summary>
    /// A person's credits in <paramref name="period"/>: their approved records' (a stay for its days inside the period)
    /// and their passed exams' (<paramref name="exams"/>, none when they have no history).
    /// </summary>
    public decimal Total(IEnumerable<StudyRecord> records, StudyExamHistory? exams, StudyPeriod period)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Sum(r => r.Credits(this, period)) + (exams?.Credits(this, period) ?? 0);
    }

    /// <summary>Whether a year's credits reach the yearly minimum (每个领导干部每年必须取得一定学分); reaching it exactly is enough.</summary>
    public bool MeetsYearlyMinimum(decimal credits) => credits >= YearlyMinimum;

    /// <summary>
    /// Rule data an organization sets is checked before it is kept: each kind and each content at most once, no
    /// negative rate, factor, exam figure or minimum; every problem named at once.
    /// </summary>
    public void Demand()
    {
        var problems = new List<FieldProblem>();
        for (var i = 0; i < Rules.Count; i++)
        {
            if (!Enum.IsDefined(Rules[i].Kind) || Rules.Take(i).Any(r => r.Kind == Rules[i].Kind))
            {
                problems.Add(new($"rules[{i}].kind", "Study.CreditKindTwice"));
            }

            if (Rules[i].Rate < 0)
            {
                problems.Add(new($"rules[{i}].rate", "Input.Invalid", "Field.Study.CreditRate"));
            }
        }

        for (var i = 0; i < Contents.Count; i++)
        {
            if (!Enum.IsDefined(Contents[i].Content) || Contents.Take(i).Any(c => c.Content == Contents[i].Content))
            {
                problems.Add(new($"contents[{i}].content", "Study.ContentTwice"));
            }

            if (Contents[i].Factor < 0)
            {
                problems.Add(new($"contents[{i}].factor", "Input.Invalid", "Field.Study.ContentFactor"));
            }
        }

        foreach (var (value, field, label) in new[]
        {
            (UnclassifiedFactor, "unclassifiedFactor", "Field.Study.ContentFactor"),
            (RegularPassCredits, "regularPassCredits", "Field.Study.RegularPassCredits"),
            (MakeUpPassCredits, "makeUpPassCredits", "Field.Study.MakeUpPassCredits"),
            (YearlyMinimum, "yearlyMinimum", "Field.Study.YearlyMinimum"),
        })
        {
            if (value < 0)
            {
                problems.Add(new(field, "Input.Invalid", label));
            }
        }

        DomainRuleException.ThrowIfAny(problems);
    }
}
