using Dangjian.Domain.Calendar;
using Dangjian.Domain.Services;

namespace Dangjian.Data.Demo;

/// <summary>
/// 三服务 service requests (ORG-8): needs raised by branches to their townships and by townships to the district, in every
/// state — raised, taken up, answered, closed, withdrawn, reopened — some past their take-up or answer limit, so the
/// overdue list and the chart by township have rows. The needs are those of seed 003 1 (人、财、物 for grassroots party
/// work: a 党务干事, funds for a venue, equipment, guidance on 两推一选 or on 非公企业 party work). The sample branch (the
/// demo secretary's) has one need still raised, which it may withdraw, and one answered, which it may reopen. Made
/// through <see cref="ServiceRequest"/>'s own steps on past days, with a seeded <see cref="Random"/>: the same today
/// gives the same rows.
/// </summary>
internal static class DemoServices
{
    private const string Secretary = "secretary";
    private const string TownshipClerk = "镇党建办";
    private const string DistrictClerk = "区委组织部";

    private static readonly (ServiceKind Kind, string Title, string Details, string Answer)[] BranchNeeds =
    [
        (ServiceKind.People, "配备专职党务干事", "支部党员来自多家企业，书记兼职精力有限，请求镇党委协调一名党务干事协助组织生活和台账管理。", "镇党委已从社会化招聘的党务干事中派遣一名到支部，每周驻点三天。"),
        (ServiceKind.Funds, "党员活动室修缮经费", "活动室屋顶漏雨、桌椅老化，无法正常开展“三会一课”，请求拨付修缮经费。", "已从基层党建专项经费中安排两万元，请支部按规定报账。"),
        (ServiceKind.Material, "党员远程教育设备", "远程教育终端损坏，流动党员和老党员集中学习受影响，请求配发投影和终端设备。", "镇党建办已调配投影仪一台、终端一套，下周送达。"),
        (ServiceKind.Guidance, "换届“两推一选”操作指导", "支部明年换届，拟实行党员推荐、群众推荐、党员大会直选，请求派员指导推荐票和选举程序。", "镇组织委员将于换届前两周到支部现场指导，并提供程序清单。"),
        (ServiceKind.Guidance, "楼宇非公企业党建指导", "所在楼宇新进企业较多，党员组织关系分散，请求指导建立联合党支部、为企业和党员服务。", "已安排区非公经济组织党委专员与支部对接，先行摸排楼宇党员。"),
        (ServiceKind.Funds, "困难党员慰问经费", "支部有三名生活困难的老党员，请求增拨节日慰问经费。", "已列入镇党委节日慰问名单，慰问金由镇统一发放。"),
    ];

    private static readonly (ServiceKind Kind, string Title, string Details, string Answer)[] TownshipNeeds =
    [
        (ServiceKind.People, "党建指导员选派", "全镇非公企业党组织覆盖率偏低，请求区委组织部选派党建指导员。", "区委组织部将从机关选派两名党建指导员到镇，为期一年。"),
        (ServiceKind.Guidance, "村党支部书记培训", "新任村党支部书记缺乏工作经验，请求区委党校开设“班长工程”专题培训班。", "区委党校已将贵镇新任书记纳入本期“班长工程”培训。"),
    ];

    public static Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x3F0E);
        var calendar = HolidayCalendar.Shipped;
        var limits = ServiceLimits.Defaults;
        var townships = plan.District.Children;

        // The sample branch: one need still raised (recent), one answered (may be reopened).
        Add(db, plan.SampleBranch, BranchNeeds[2], today.AddDays(-1), today, calendar, limits, Secretary, TownshipClerk, Stage.Raised);
        Add(db, plan.SampleBranch, BranchNeeds[1], today.AddDays(-20), today, calendar, limits, Secretary, TownshipClerk, Stage.Answered);

        // Branches of each township, each in another state; the last township is slow, so its needs are overdue.
        Stage[] stages = [Stage.Closed, Stage.TakenUp, Stage.Raised, Stage.Reopened, Stage.Withdrawn, Stage.Closed];
        var n = 0;
        for (var i = 0; i < townships.Count; i++)
        {
            var slow = i == townships.Count - 1;
            foreach (var branch in townships[i].Children.Where(c => c != plan.SampleBranch).Take(2))
            {
                var need = BranchNeeds[random.Next(BranchNeeds.Length)];
                var stage = slow ? (n % 2 == 0 ? Stage.Raised : Stage.TakenUp) : stages[n % stages.Length];
                var raisedOn = today.AddDays(-(slow ? 25 + random.Next(10) : 3 + random.Next(40)));
                Add(db, branch, need, raisedOn, today, calendar, limits, "支部书记", TownshipClerk, stage);
                n++;
            }
        }

        // Two townships ask the district.
        for (var i = 0; i < Math.Min(2, townships.Count); i++)
        {
            Add(db, townships[i], TownshipNeeds[i], today.AddDays(-(12 + (9 * i))), today, calendar, limits, "乡镇组织委员", DistrictClerk, i == 0 ? Stage.Closed : Stage.Raised);
        }

        return db.SaveChangesAsync(ct);
    }

    private enum Stage
    {
        Raised,
        TakenUp,
        Answered,
        Closed,
        Withdrawn,
        Reopened,
    }

    private static void Add(
        DangjianDbContext db, DemoOrg org, (ServiceKind Kind, string Title, string Details, string Answer) need, DateOnly raisedOn, DateOnly today,
        HolidayCalendar calendar, ServiceLimits limits, string raiser, string answerer, Stage stage)
    {
        var r = ServiceRequest.Raise(org.Entity.Id, org.Entity.ParentId, need.Kind, $"{org.Place}：{need.Title}", need.Details, raisedOn, today, calendar, limits, raiser, At(raisedOn));
        db.ServiceRequests.Add(r);
        if (stage == Stage.Withdrawn)
        {
            r.Withdraw("支部已自行协调解决。", raiser, At(raisedOn.AddDays(1)), Min(raisedOn.AddDays(1), today));
            return;
        }

        if (stage == Stage.Raised)
        {
            return;
        }

        var takenUp = Min(ServiceDays.Due(calendar, raisedOn, 2), today);
        r.TakeUp(answerer, At(takenUp), takenUp);
        if (stage == Stage.TakenUp)
        {
            return;
        }

        var answered = Min(ServiceDays.Due(calendar, takenUp, 5), today);
        r.AnswerWith(need.Answer, answerer, At(answered), answered);
        if (stage == Stage.Reopened)
        {
            var reopened = Min(answered.AddDays(1), today);
            r.Reopen("答复的措施尚未落实，请求跟进。", raiser, At(reopened), reopened, calendar, limits);
            return;
        }

        if (stage == Stage.Closed)
        {
            var closed = Min(answered.AddDays(2), today);
            r.Close(answerer, At(closed), closed);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Ten in the morning, Beijing time, of the day.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
}
