using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.People;

namespace Dangjian.Data.Demo;

/// <summary>
/// 选任写实 (CAD-3 … CAD-5) in the demo district: inspection certificates for a handful of district cadres (one expired),
/// and four selection cases in the first townships — one at inspection, one in publicity (so the public page shows
/// something, with an answered objection), one appointed and on probation, one stopped by an upheld objection. The demo has no recommendation rounds and
/// no cadre agenda items to link, so the meeting recommendation and the decision entries are left out of these cases
/// (history already lived: their phases are written as they stand). Made through the entity's own methods otherwise,
/// with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoSelection
{
    private const string Clerk = "区委组织部干部科";

    private static readonly string[] Recommenders = ["老党员王德明", "村民代表刘桂芳", "镇人大代表陈国庆", "退休教师赵淑兰", "驻村第一书记孙浩"];

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x5E1E);
        var inspectors = plan.District.Roll.Take(5).ToList();
        var certificates = inspectors.Select((p, i) => InspectionQualification.Issue(
            p.Id, p.Name, $"区组考字{today.Year - 1}第{i + 1:000}号", today.AddYears(-2).AddDays(-random.Next(60)),
            i == inspectors.Count - 1 ? today.AddDays(-20 - random.Next(30)) : today.AddYears(1).AddDays(random.Next(300)))).ToList();
        db.InspectionQualifications.AddRange(certificates);

        var townships = plan.District.Children;
        var team = inspectors.Take(2).Select(p => (p.Id, p.Name)).ToList();
        db.SelectionCases.Add(AtInspection(townships[0], "镇纪委书记", team, certificates, today, random));
        db.SelectionCases.Add(InPublicity(townships[0], "镇党委副书记", team, certificates, today, random));
        db.SelectionCases.Add(OnProbation(townships[Math.Min(1, townships.Count - 1)], "镇人民政府副镇长", team, certificates, today, random));
        db.SelectionCases.Add(StoppedByObjection(townships[Math.Min(2, townships.Count - 1)], "镇党委组织委员", team, certificates, today, random));
        await db.SaveChangesAsync(ct);
    }

    private static DateTimeOffset At(DateOnly day, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(minute).ToUniversalTime();

    private static List<Person> Candidates(DemoOrg township, int count, Random random) =>
        [.. township.SubtreeRoll.Where(p => !p.IsRemoved).OrderBy(_ => random.Next()).Take(count)];

    /// <summary>Call, talks and the shortlist, then the team formed on <paramref name="inspectionDay"/>.</summary>
    private static SelectionCase Inspecting(
        DemoOrg township, string post, List<(int, string)> team, List<InspectionQualification> certificates, DateOnly calledOn, DateOnly inspectionDay, Random random)
    {
        var people = Candidates(township, 3, random);
        var c = SelectionCase.Open(township.Entity.Id, post, 1, "正科级或任副科级满三年，45 周岁以下，大学本科以上学历，熟悉基层党建工作", Clerk, At(calledOn, 0));
        for (var i = 0; i < 6; i++)
        {
            var person = people[i % people.Count];
            c.RecordTalkRecommendation(Recommenders[i % Recommenders.Length], person.Id, person.Name, Clerk, At(calledOn.AddDays(3), i));
        }

        c.Phase = SelectionPhase.Recommended;
        c.Shortlist([.. people.Take(2).Select(p => (p.Id, p.Name))], SelectionRules.Defaults, Clerk, At(calledOn.AddDays(7), 0));
        c.StartInspection(team, certificates, inspectionDay, SelectionRules.Defaults, Clerk, At(inspectionDay, 0));
        c.RecordMethod(InspectionMethod.IndividualTalks, "个别谈话 28 人，覆盖镇领导班子成员、中层干部和村党组织书记。", Clerk, At(inspectionDay, 30));
        return c;
    }

    private static SelectionCase Inspected(DemoOrg township, string post, List<(int, string)> team, List<InspectionQualification> certificates, DateOnly calledOn, Random random)
    {
        var day = calledOn.AddDays(10);
        var c = Inspecting(township, post, team, certificates, calledOn, day, random);
        c.RecordMethod(InspectionMethod.DemocraticEvaluation, "民主测评 46 人参加，“好”和“较好”票占 93%。", Clerk, At(day.AddDays(1), 0));
        var minute = 0;
        foreach (var candidate in c.Candidates.ToList())
        {
            c.RecordCircleFinding(candidate.PersonId, InspectionCircle.Life, "走访居住小区和邻里，反映家庭和睦、家风端正，无不良嗜好。", Clerk, At(day.AddDays(2), minute++));
            c.RecordCircleFinding(candidate.PersonId, InspectionCircle.Social, "了解其社会交往情况，未发现与管理服务对象不正当交往。", Clerk, At(day.AddDays(2), minute++));
            c.RecordFinding(candidate.PersonId, "政治立场坚定，工作实绩突出，群众基础较好；不足是统筹协调经验有待积累。", Clerk, At(day.AddDays(2), minute++));
        }

        c.CompleteInspection(Clerk, At(day.AddDays(4), 0));
        // No cadre agenda item in the demo to link: the decision is written as lived, the first candidate chosen.
        c.Phase = SelectionPhase.Decided;
        c.Candidates[0].Chosen = true;
        return c;
    }

    private static SelectionCase AtInspection(DemoOrg township, string post, List<(int, string)> team, List<InspectionQualification> certificates, DateOnly today, Random random)
    {
        var c = Inspecting(township, post, team, certificates, today.AddDays(-20), today.AddDays(-5), random);
        var first = c.Candidates[0];
        c.RecordCircleFinding(first.PersonId, InspectionCircle.Life, "走访邻里，反映其孝敬老人、热心公益。", Clerk, At(today.AddDays(-3), 0));
        return c;
    }

    private static SelectionCase InPublicity(DemoOrg township, string post, List<(int, string)> team, List<InspectionQualification> certificates, DateOnly today, Random random)
    {
        var c = Inspected(township, post, team, certificates, today.AddDays(-30), random);
        var start = today.AddDays(-1);
        c.StartPublicity(start, HolidayCalendar.Shipped, SelectionRules.Defaults, Clerk, At(start, 0));
        c.ReceiveObjection(start, "反映该同志任职期间个别项目推进较慢。", null, "公示页面", At(start, 0));
        c.ConcludeObjection(1, ObjectionOutcome.NotUpheld, "经核实，项目因征地手续延后，与本人履职无关。", "已在公示栏答复：反映情况经核实不影响任职。", Clerk, At(today, 0));
        return c;
    }

    /// <summary>A named objection in the publicity found true (CAD-5): the case stops and no one is appointed.</summary>
    private static SelectionCase StoppedByObjection(DemoOrg township, string post, List<(int, string)> team, List<InspectionQualification> certificates, DateOnly today, Random random)
    {
        var c = Inspected(township, post, team, certificates, today.AddDays(-75), random);
        var start = today.AddDays(-50);
        c.StartPublicity(start, HolidayCalendar.Shipped, SelectionRules.Defaults, Clerk, At(start, 0));
        c.ReceiveObjection(start.AddDays(1), "反映该同志在村任职期间违规为亲属办理低保。", "村民代表李秀英", Clerk, At(start.AddDays(1), 0));
        c.ConcludeObjection(
            1, ObjectionOutcome.Upheld, "经镇纪委核查，反映问题属实，本人已作检讨并退回违规款项。", "已当面答复反映人：问题属实，终止该同志的任用程序。",
            Clerk, At(start.AddDays(6), 0));
        return c;
    }

    private static SelectionCase OnProbation(DemoOrg township, string post, List<(int, string)> team, List<InspectionQualification> certificates, DateOnly today, Random random)
    {
        var c = Inspected(township, post, team, certificates, today.AddDays(-120), random);
        var start = today.AddDays(-90);
        c.StartPublicity(start, HolidayCalendar.Shipped, SelectionRules.Defaults, Clerk, At(start, 0));
        c.Appoint(c.PublicityLastDay!.Value.AddDays(3), SelectionRules.Defaults, Clerk, At(c.PublicityLastDay.Value.AddDays(3), 0));
        return c;
    }
}
