using Dangjian.Domain.Commitments;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Demo;

/// <summary>
/// Two 复盘 (REV-1) in the sample branch's township, written out in the template's four steps (seed 001 第二篇
/// 工作复盘模板): the sample branch's latest held committee meeting, and last year's public commitment campaign of the
/// township. They are made through <see cref="WorkReview.Create"/>, so they obey its rules (dated no later than today).
/// </summary>
internal static class DemoReviews
{
    private const string By = "demo";

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var branch = plan.SampleBranch.Entity.Id;
        var township = plan.SampleBranch.Parent!.Entity.Id;
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganizationId == branch && m.Status == MeetingStatus.Closed && m.Date <= today)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.Date })
            .FirstOrDefaultAsync(ct);
        var campaign = await db.CommitmentCampaigns.AsNoTracking()
            .Where(c => c.OrganizationId == township && c.Year == today.Year - 1)
            .Select(c => new { c.Id, c.Title })
            .FirstOrDefaultAsync(ct);

        if (meeting is not null)
        {
            var day = meeting.Date.AddDays(2) > today ? today : meeting.Date.AddDays(2);
            db.WorkReviews.Add(WorkReview.Create(branch, ReviewSubjectKind.Meeting, meeting.Id, new WorkReviewContent(
                Title: $"{meeting.Title}复盘",
                Summary: "支委会研究本季度发展党员、困难党员帮扶和村内道路修缮三项议题，会前征求党员意见，会上逐项表决，形成会议纪要。",
                Participants: "支部书记、支部委员、列席的村务监督委员会主任",
                HeldOn: day,
                Place: "村党群服务中心二楼会议室",
                Purpose: "议题会前充分酝酿，会上集体决策，决定事项有人牵头、按时落实。",
                SpecificGoals: "三项议题全部表决通过；会后五个工作日内印发纪要；帮扶对象月底前走访到位。",
                Variance: "议题全部表决通过，纪要第三个工作日印发；道路修缮因资金未到位推迟一个月启动。",
                HighlightsAndShortfalls: "亮点：会前逐户征求意见，党员参与度高。不足：道路修缮的资金来源会前没有核实清楚。",
                SuccessFactors: "书记会前与每位委员沟通议题，材料提前三天发给参会人员。",
                FailureFactors: "涉及资金的议题没有请村会计列席，预算情况掌握不全。",
                Lessons: "涉及资金、项目的议题，会前先算清账、再上会。",
                Improvements: "议题材料增加“资金来源”一栏；涉及资金的议题请村会计列席。",
                Application: "下季度支委会起执行，由支部组织委员负责会前审核议题材料。"),
                day, By, Instant(day)));
        }

        if (campaign is not null)
        {
            var day = new DateOnly(today.Year, 1, 20) > today ? today : new DateOnly(today.Year, 1, 20);
            db.WorkReviews.Add(WorkReview.Create(township, ReviewSubjectKind.CommitmentCampaign, campaign.Id, new WorkReviewContent(
                Title: $"{campaign.Title}复盘",
                Summary: "全年党员公开承诺按“一定、二审、三履、四评”推进，年底述职评议、群众满意度测评后逐项评定等次，满意的销号，差的进入整改。",
                Participants: "党委书记、组织委员、各支部书记、履诺监督员代表",
                HeldOn: day,
                Place: "镇党委会议室",
                Purpose: "让每名党员的承诺看得见、做得到、群众认可。",
                SpecificGoals: "承诺事项全部公示；年底前完成率不低于九成；群众满意率不低于三分之二的事项予以销号。",
                Variance: "承诺全部公示，大部分事项按期完成并销号；个别事项完成滞后，一项评为“差”转入整改。",
                HighlightsAndShortfalls: "亮点：监督员按月跟踪，群众参与测评踊跃。不足：部分承诺内容空泛，难以衡量是否做到。",
                SuccessFactors: "支部逐项审核把关，进度每月在党务公开栏更新。",
                FailureFactors: "定诺时对群众需求调研不够，个别承诺脱离党员自身条件。",
                Lessons: "承诺要从群众意见中来，写明做什么、做到什么程度、什么时候完成。",
                Improvements: "定诺阶段增加座谈会和走访；支部审核时退回表述空泛的承诺。",
                Application: "用于今年公开承诺的定诺和审诺环节，年中由镇党委专项检查一次。"),
                day, By, Instant(day)));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Mid-morning in Beijing on that day, as an instant (stored UTC).</summary>
    private static DateTimeOffset Instant(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
