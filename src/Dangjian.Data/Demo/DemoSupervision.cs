using Dangjian.Domain.Supervision;

namespace Dangjian.Data.Demo;

/// <summary>
/// 预警 / 整改通知 (SUP-2) and 经济责任审计 (SUP-3) in the demo district: in each township, notices to teams and cadres in
/// every state (waiting, overdue, answered, verified after one return, closed), one to the sample secretary's own branch so
/// the secretary has one to answer, and two audits (one reported with a finding still to rectify, one departure audit
/// planned). Made through the entities' methods with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoSupervision
{
    private static readonly (string Problem, string Evidence)[] Problems =
    [
        ("“三会一课”记录不全，部分支委会未形成会议记录", "区委组织部 季度督查抽查会议记录本"),
        ("班子成员之间沟通不够，议事决策存在个人说了算的苗头", "年度考核民主测评及个别谈话反映"),
        ("群众反映办事拖拉，服务窗口多次无人值守", "12345 热线工单 3 件及暗访记录"),
        ("公务用车使用登记不规范，存在节假日使用情况", "纪检监察日常监督检查发现"),
        ("党务公开栏长期未更新，群众知晓率低", "三务公开季度检查通报"),
        ("驻村工作日志填写不实，在岗天数不足", "驻村干部考勤抽查及村民走访"),
    ];

    public static Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x7A31);
        var issuer = "组织部干部监督科";
        foreach (var township in plan.District.Children)
        {
            var teams = plan.Teams.Where(t => t.Org == township || t.Org.Parent == township).Take(3).ToList();
            var cadres = teams.SelectMany(t => t.Seats.Select(s => (t.Org, s.Person))).Take(3).ToList();
            var targets = teams.Select(t => (t.Org.Entity.Id, NoticeTargetKind.Team, t.Entity.Id))
                .Concat(cadres.Select(c => (c.Org.Entity.Id, NoticeTargetKind.Cadre, c.Person.Id))).ToList();
            for (var i = 0; i < targets.Count; i++)
            {
                var (org, kind, target) = targets[i];
                var (problem, evidence) = Problems[random.Next(Problems.Length)];
                var issued = today.AddDays(-20 - random.Next(40));
                var state = i % 5;

                // The second of each township is overdue: its deadline passed ten days ago with no response.
                var deadline = state == 1 ? today.AddDays(-10) : issued.AddDays(30 + random.Next(30));
                if (deadline < issued)
                {
                    issued = deadline.AddDays(-30);
                }

                var n = RectificationNotice.Issue(org, kind, target, problem, evidence, deadline, issuer, issued, today);
                if (state >= 2)
                {
                    n.Respond("已召开专题会议分析原因，制定整改措施并明确责任人，相关制度已修订完善。", issued.AddDays(10), today);
                }

                if (state == 3)
                {
                    n.Verify(false, "整改台账不完整，缺少会议记录复印件，请补充后再报。", issuer, issued.AddDays(12), today);
                    n.Respond("已补充会议记录复印件及整改台账。", issued.AddDays(15), today);
                    n.Verify(true, "经实地核查，整改到位。", issuer, issued.AddDays(17), today);
                }

                if (state == 4)
                {
                    n.Verify(true, "经实地核查，整改到位。", issuer, issued.AddDays(12), today);
                    n.Close(issuer, issued.AddDays(14), today);
                }

                db.RectificationNotices.Add(n);
            }
        }

        // The sample secretary's own branch: a notice waiting for the branch's answer.
        db.RectificationNotices.Add(RectificationNotice.Issue(
            plan.SampleBranch.Entity.Id, NoticeTargetKind.Cadre, plan.SampleSecretary.Id, "支部主题党日活动开展不经常，内容单一",
            "镇党委年中督查", today.AddDays(20), issuer, today.AddDays(-5), today));

        AddAudits(db, plan, today);
        return db.SaveChangesAsync(ct);
    }

    private static void AddAudits(DangjianDbContext db, DemoPlan plan, DateOnly today)
    {
        var seats = plan.Teams.Where(t => t.Org.Level == 1).SelectMany(t => t.Seats.Select(s => (t.Org, s.Person))).Take(2).ToList();
        if (seats.Count < 2)
        {
            return;
        }

        var year = today.Year;
        var done = EconomicAudit.Plan(seats[0].Person.Id, seats[0].Org.Entity.Id, EconomicAuditKind.InTerm, new DateOnly(year - 3, 1, 1), new DateOnly(year - 1, 12, 31), today.AddDays(-90));
        done.Start(today.AddDays(-88), today);
        done.AddFinding("部分专项资金未按规定用途使用，挪用 12.6 万元用于办公楼维修");
        done.AddFinding("公务接待未执行“一函一单”制度，超标准接待 4 次");
        done.Complete("任期内基本履行了经济责任，但在专项资金管理和公务接待方面存在问题，责令限期整改。", today.AddDays(-60), today);
        done.Rectify(done.Findings[1], "退缴超标准接待费用，建立接待审批台账", today.AddDays(-30), today);
        db.EconomicAudits.Add(done);

        db.EconomicAudits.Add(EconomicAudit.Plan(
            seats[1].Person.Id, seats[1].Org.Entity.Id, EconomicAuditKind.Departure, new DateOnly(year - 4, 3, 1), today.AddDays(-15), today.AddDays(20)));
    }
}
