using System.Globalization;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Demo;

/// <summary>
/// The outbox of the first township's first branch as it stands after yesterday's passes: each member was reminded of
/// the branch's next meeting through the group robot, a few chose e-mail and got their dues reminder by mail, and one
/// robot message was given up after the robot's flood limit. Nothing is pending, so a test's sender never sends demo
/// rows. Made through <see cref="OutboxMessage.Enqueue"/> and its transitions, with a seeded <see cref="Random"/>.
/// </summary>
internal static class DemoReminders
{
    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x524D);
        var branch = plan.District.Children[0].Children.FirstOrDefault();
        if (branch is null)
        {
            return;
        }

        var orgId = branch.Entity.Id;
        var people = await db.People.AsNoTracking().Where(p => p.OrganizationId == orgId && !p.IsRemoved).OrderBy(p => p.Id).Take(6)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.OrganizationId == orgId && m.Date >= today && m.Status != MeetingStatus.Closed && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).Select(m => new { m.Id, m.Title, m.Date, m.Location }).FirstOrDefaultAsync(ct);
        var at = new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        var month = today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var m = meeting is not null
                ? OutboxMessage.Enqueue($"meeting:{meeting.Id}:{meeting.Date:yyyy-MM-dd}", ReminderChannel.Robot, p.Id, orgId, "会议提醒",
                    $"请参加{branch.Entity.Name}的会议“{meeting.Title}”，时间 {meeting.Date:yyyy-MM-dd}，地点 {meeting.Location ?? "另行通知"}。", at)
                : OutboxMessage.Enqueue($"dues:{month}:person:{p.Id}", ReminderChannel.Robot, p.Id, orgId, "党费缴纳提醒",
                    $"截至 {month}，您有党费未交，请及时向所在支部交纳。", at);
            if (i == people.Count - 1)
            {
                for (var attempt = 0; attempt < ReminderRules.MaxAttempts; attempt++)
                {
                    m.MarkFailed("WeCom: errcode 45009 api freq out of limit", at.AddMinutes(attempt * 30));
                }
            }
            else
            {
                m.MarkSent(at.AddSeconds(random.Next(5, 60)));
            }

            db.OutboxMessages.Add(m);

            if (i % 3 == 0)
            {
                var pref = ReminderPreference.Default(p.Id);
                pref.Choose($"member{p.Id}@example.cn", true, true);
                db.ReminderPreferences.Add(pref);
                var arrears = random.Next(1, 4);
                var dues = OutboxMessage.Enqueue($"dues:{month}:person:{p.Id}", ReminderChannel.Email, p.Id, orgId, "党费缴纳提醒",
                    $"截至 {month}，您有 {arrears} 个月党费未交，请及时向所在支部交纳。", at);
                dues.MarkSent(at.AddMinutes(1));
                db.OutboxMessages.Add(dues);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
