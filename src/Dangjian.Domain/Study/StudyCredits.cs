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
/// clerk's approval when the person enters it.
/// </summary>
public sealed record StudyCredits(IReadOnlyList<StudyCreditRule> Rules, decimal RegularPassCredits, decimal MakeUpPassCredits, decimal YearlyMinimum)
{
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

    /// <summary>Credits for a quantity of <paramref name="kind"/> (hours, or days for a per-day kind), exact.</summary>
    public decimal Earned(StudyKind kind, decimal quantity) => For(kind).Rate * quantity;

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
    /// Rule data an organization sets is checked before it is kept: each kind at most once, no negative rate, exam
    /// figure or minimum; every problem named at once.
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

        foreach (var (value, field, label) in new[]
        {
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
