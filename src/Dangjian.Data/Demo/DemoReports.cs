using Dangjian.Domain.Supervision;

namespace Dangjian.Data.Demo;

/// <summary>
/// 举报 (SUP-1) in the report box: a few cases about the townships' villages and their cadres, one at each stage from
/// 已提交 to 已办结, answered where a reporter would by then have heard back. Made through <see cref="ReportCase"/>'s own
/// steps, signed by the district account (admin) that handles the box, with a seeded <see cref="Random"/> for the days and
/// the wording; the case numbers and secrets are random, so no one knows a demo case's secret. The wording follows seed
/// 001 (拉票贿选…加大调查核实力度，一经查实…给予党纪政纪处分) and seed 004 (严肃查处…违纪违法案件).
/// </summary>
internal static class DemoReports
{
    private const string Staff = "admin";

    private static readonly (string? Cadre, string Content)[] Reports =
    [
        ("{0}", "反映{1}村委会主任{0}在村“两委”换届前请部分党员吃饭，并许诺当选后安排工程，涉嫌拉票贿选。"),
        (null, "反映{1}党支部本季度未按规定公开财务收支，村级道路修缮款去向不明，群众意见较大。"),
        ("{0}", "反映{1}村会计{0}优亲厚友，将低保名额给予不符合条件的亲属。"),
        ("{0}", "反映{1}村干部{0}在集体土地流转中收受好处费，请求调查核实。"),
        (null, "反映{1}党支部“三会一课”流于形式，会议记录存在补记情况。"),
        ("{0}", "反映{1}驻村干部{0}长期不在岗，群众办事找不到人。"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨"];

    public static Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x4A42);
        var villages = plan.District.Children.SelectMany(t => t.Children).ToList();
        if (villages.Count == 0)
        {
            return Task.CompletedTask;
        }

        for (var i = 0; i < Reports.Length; i++)
        {
            var village = villages[random.Next(villages.Count)];
            var (cadre, content) = Reports[i];
            var name = Surnames[random.Next(Surnames.Length)] + "某";
            var filedOn = today.AddDays(-random.Next(20, 60));
            var (report, _) = ReportCase.File(
                cadre is null ? ReportSubjectKind.Organization : ReportSubjectKind.Cadre, village.Entity.Id, cadre is null ? null : name,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, content, name, village.Place), i == 3 ? "赵实名" : null, filedOn);
            // Case i has taken i - 1 steps after filing (the first two are still waiting, the last is concluded).
            var day = filedOn;
            DateOnly Next()
            {
                var next = day.AddDays(random.Next(1, 6));
                day = next <= today ? next : today;
                return day;
            }

            var steps = Math.Max(0, i - 1);
            if (steps >= 1)
            {
                report.Accept(Staff, Next(), today);
                report.Answer("您反映的问题已受理，我们将依规依纪调查核实，请凭受理编号和查询码关注办理情况。", Staff, day, today);
            }

            if (steps >= 2)
            {
                report.Assign("区纪委第" + (1 + random.Next(3)) + "纪检监察室", Staff, Next(), today);
            }

            if (steps >= 3)
            {
                report.RecordInvestigation(Staff, Next(), today);
            }

            if (steps >= 4)
            {
                report.Conclude("经调查核实，反映的问题部分属实。已责成所在党支部限期整改，对相关责任人进行诫勉谈话，整改情况将在村务公开栏公示。", Staff, Next(), today);
                report.Answer("您反映的问题已办结，办理结果见上。感谢您对党风廉政建设的支持。", Staff, day, today);
            }

            db.ReportBoxCases.Add(report);
        }

        return db.SaveChangesAsync(ct);
    }
}
