using Dangjian.Domain.Calendar;
using Dangjian.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Demo;

/// <summary>
/// 提议上会事项 (MTG-4) and 重大决策征求意见 (MTG-12, seed 004 四) for the demo secretary's branch. Its 支委会 in preparation
/// already carries the secretary's routine matter (raised by them and scheduled) and a major matter whose public comment
/// period has ended, with comments (one hidden as off topic), a hearing and two expert opinions; two more matters wait:
/// one raised by a single member, one co-signed by half of the team (mandatory). Its own seeded <see cref="Random"/>:
/// adding this left every other demo record as it was. Each row is written once, as it stands (no later update).
/// </summary>
internal static class DemoMattersConsultations
{
    private const int Seed = DemoGenerator.Seed + 41;

    private static readonly string[] Comments =
    [
        "建议先公开集体资产评估报告，让村民心里有数。",
        "项目收益分配方案要经村民代表会议讨论。",
        "同意实施，但要公开招标，防止暗箱操作。",
        "希望优先吸纳本村脱贫户务工。",
        "建议明确项目失败时的风险承担方式。",
        "加微信领取优惠券",
    ];

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var team = plan.Teams.Where(t => t.Org == plan.SampleBranch).MaxBy(t => t.Entity.TermNumber);
        if (team is null)
        {
            return;
        }

        var seats = team.Seats.Select(s => s.Person.Id).Distinct().ToList();
        var orgId = plan.SampleBranch.Entity.Id;
        var prepared = await db.Meetings.AsNoTracking().Include(m => m.Items)
            .Where(m => m.OrganizationId == orgId && m.Type == MeetingType.CommitteeMeeting && m.Status == MeetingStatus.Planned)
            .OrderBy(m => m.Date).FirstOrDefaultAsync(ct);
        var routine = prepared?.Items.FirstOrDefault(i => i.Category == ItemCategory.Routine);
        var major = prepared?.Items.FirstOrDefault(i => i.Category == ItemCategory.Major);
        var half = DecisionRules.Default.MandatoryAgenda.SmallestPart(seats.Count);

        if (routine is not null)
        {
            // The secretary's own matter, already on the agenda as its first item.
            db.RaisedMatters.Add(new RaisedMatter
            {
                OrganizationId = orgId, Title = routine.Title, Reason = "本月主题党日需结合年底工作统筹安排，提请支委会研究。", RaisedByPersonId = seats[0],
                RaisedOn = today.AddDays(-6), SupporterIds = [seats[0]], TeamSize = seats.Count, Mandatory = routine.Mandatory,
                Status = RaisedMatterStatus.Scheduled, MeetingId = prepared!.Id, AgendaItemId = routine.Id,
            });
        }

        if (seats.Count > 1)
        {
            db.RaisedMatters.Add(new RaisedMatter
            {
                OrganizationId = orgId, Title = "关于调整党员联系户分工的提议", Reason = "部分党员外出务工，联系户长期无人走访，建议重新调整分工。",
                RaisedByPersonId = seats[1], RaisedOn = today.AddDays(-rnd.Next(1, 4)), SupporterIds = [seats[1]], TeamSize = seats.Count,
                Mandatory = DecisionRules.Default.MandatoryAgenda.IsMet(1, seats.Count),
            });
            var supporters = seats.Skip(1).Take(half).ToList();
            if (supporters.Count >= half)
            {
                db.RaisedMatters.Add(new RaisedMatter
                {
                    OrganizationId = orgId, Title = "关于村道路灯维修资金使用的提议", Reason = "村道路灯损坏较多，群众反映强烈，维修资金使用需支委会集体研究决定。",
                    RaisedByPersonId = supporters[0], RaisedOn = today.AddDays(-rnd.Next(2, 6)), SupporterIds = supporters, TeamSize = seats.Count, Mandatory = true,
                });
            }
        }

        if (major is not null)
        {
            // The comment period ran before the meeting was called: 5 working days, ended yesterday or earlier.
            var calendar = HolidayCalendar.Shipped;
            var opensOn = today.AddDays(-14 - rnd.Next(0, 3));
            var closesOn = calendar.AfterWorkingDays(opensOn, 5);
            var consultation = new Consultation
            {
                AgendaItemId = major.Id, OrganizationId = orgId, WorkingDays = 5, OpensOn = opensOn, ClosesOn = closesOn,
                Subject = major.Title + "：拟将村集体闲置厂房改建为农产品加工车间，预计投资 80 万元，收益按股份分配给村集体和入股农户。现公开征求意见。",
                HearingOn = closesOn.AddDays(1), HearingParticipants = 20 + rnd.Next(10),
                HearingSummary = "村民代表、党员代表和入股农户参加听证，多数赞成实施，要求公开招标、按季度公布收支。",
            };
            for (var i = 0; i < Comments.Length; i++)
            {
                consultation.Comments.Add(new ConsultationComment
                {
                    Text = Comments[i],
                    ReceivedOn = opensOn.AddDays(rnd.Next(0, closesOn.DayNumber - opensOn.DayNumber + 1)),
                    Status = i == Comments.Length - 1 ? CommentStatus.Hidden : CommentStatus.Published,
                });
            }

            consultation.ExpertOpinions.Add(new ExpertOpinion { ExpertName = "王建国", Field = "农村经济管理", Opinion = "项目方向符合乡村振兴政策，建议分期投入，先行试产。" });
            consultation.ExpertOpinions.Add(new ExpertOpinion { ExpertName = "李秀英", Field = "资产评估", Opinion = "厂房评估价值基本合理，改建预算中设备费用偏高，建议询价比选。" });
            db.Consultations.Add(consultation);
        }

        await db.SaveChangesAsync(ct);
    }
}
