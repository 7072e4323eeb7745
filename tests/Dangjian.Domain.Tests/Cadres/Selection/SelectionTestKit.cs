using System.Globalization;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Cadres.Selection;

namespace Dangjian.Domain.Tests.Cadres.Selection;

/// <summary>
/// What the selection tests share: a day from its text, a refusal's code and field, and a case walked to a given
/// phase by the department's clerk, one minute per step, with certified inspectors.
/// </summary>
internal static class SelectionTestKit
{
    public const string Clerk = "组织部王芳";

    public static readonly SelectionRules Rules = SelectionRules.Defaults;

    public static readonly DateTimeOffset T0 = new(2026, 9, 1, 1, 0, 0, TimeSpan.Zero);

    public static readonly (int, string)[] TwoCandidates = [(101, "张伟"), (102, "李强")];

    public static readonly (int, string)[] TeamOfTwo = [(201, "陈静"), (202, "刘洋")];

    public static readonly InspectionQualification[] Certificates =
    [
        InspectionQualification.Issue(201, "陈静", "KC-2025-001", D("2025-03-01"), D("2027-02-28")),
        InspectionQualification.Issue(202, "刘洋", "KC-2025-002", D("2025-03-01"), D("2026-09-10")),
    ];

    public static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    public static DateTimeOffset Minute(int n) => T0.AddMinutes(n);

    public static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    public static (string Code, string Field) Pair(DomainRuleException e) => (e.Code, e.Field);

    public static SelectionCase Called(int posts = 1) =>
        SelectionCase.Open(7, "镇党委副书记", posts, "正科级，45 周岁以下，大学本科以上", Clerk, Minute(0));

    public static SelectionCase Shortlisted()
    {
        var c = Called();
        c.LinkMeetingRecommendation(31, Clerk, Minute(1));
        c.RecordTalkRecommendation("赵敏", 101, "张伟", Clerk, Minute(2));
        c.Shortlist(TwoCandidates, Rules, Clerk, Minute(3));
        return c;
    }

    public static SelectionCase Inspecting()
    {
        var c = Shortlisted();
        c.StartInspection(TeamOfTwo, Certificates, D("2026-09-02"), Rules, Clerk, Minute(4));
        return c;
    }

    public static SelectionCase Inspected()
    {
        var c = Inspecting();
        var m = 5;
        c.RecordMethod(InspectionMethod.IndividualTalks, "个别谈话 23 人", Clerk, Minute(m++));
        foreach (var (id, _) in TwoCandidates)
        {
            c.RecordCircleFinding(id, InspectionCircle.Life, "邻里反映家风正", Clerk, Minute(m++));
            c.RecordCircleFinding(id, InspectionCircle.Social, "未发现不良交往", Clerk, Minute(m++));
            c.RecordFinding(id, "德才表现良好", Clerk, Minute(m++));
        }

        c.CompleteInspection(Clerk, Minute(20));
        return c;
    }

    public static SelectionCase Decided()
    {
        var c = Inspected();
        c.RecordDecision(55, [101], Clerk, Minute(21));
        return c;
    }

    /// <summary>Publicity from Monday 2026-09-28 for five working days: 28, 29, 30 September, then 国庆 (1–7 October), then 8 and 9 October.</summary>
    public static SelectionCase InPublicity()
    {
        var c = Decided();
        c.StartPublicity(D("2026-09-28"), HolidayCalendar.Shipped, Rules, Clerk, Minute(22));
        return c;
    }

    public static SelectionCase Appointed(string on = "2026-10-12")
    {
        var c = InPublicity();
        c.Appoint(D(on), Rules, Clerk, Minute(23));
        return c;
    }
}
