using System.Globalization;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Demo;

/// <summary>
/// 三会一课 for the demo district (MTG-9): every 党支部 and 党小组 holds its required meetings (<see cref="ComplianceRules.Default"/>)
/// from January up to <c>today</c>, most of them dutifully, some missing a period now and
/// then, a few often, so the dashboard shows a realistic mix of up-to-date and overdue organizations. Part of the
/// branches keep signed, numbered minutes of their 支委会 (MTG-8), one of them with a correction; the sample branch (the
/// demo secretary's) has this month's 支委会 in preparation, its team invited and two matters on the agenda. Its own seeded
/// <see cref="Random"/>: adding this left every other demo record as it was.
/// </summary>
internal static class DemoMeetings
{
    private const int Seed = DemoGenerator.Seed + 4;

    /// <summary>Share of branches whose committee meetings have signed minutes.</summary>
    private const double MinutesShare = 0.2;

    /// <summary>How many days ahead the demo secretary's 支委会 in preparation is (within the month).</summary>
    private const int PreparedInDays = 5;

    private static readonly string[] Topics =
    [
        "发展党员工作", "党费收缴情况", "村级重大事项“四议两公开”", "基层党组织规范化建设", "困难党员帮扶", "主题党日活动安排",
        "党员积分管理", "人居环境整治", "集体经济项目", "防汛防台准备", "网格化服务管理", "年度工作计划",
    ];

    private static readonly string[] Lectures =
    [
        "学习党章，做合格党员", "弘扬伟大建党精神", "牢记宗旨，服务群众", "严守纪律规矩", "全面从严治党永远在路上", "传承红色基因",
    ];

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var secretaries = plan.Teams.GroupBy(t => t.Org).ToDictionary(g => g.Key, g => g.Last().Secretary);
        var meetings = new List<Meeting>();
        var minuted = new List<(Meeting Meeting, string Secretary)>();
        foreach (var org in plan.Organizations.Where(o => o.Entity.Kind is OrganizationKind.Branch or OrganizationKind.PartyGroup))
        {
            // Most keep every period; some miss one now and then; a few often.
            var roll = rnd.NextDouble();
            var keeps = roll < 0.6 ? 0.98 : roll < 0.85 ? 0.85 : 0.5;
            var secretary = secretaries.GetValueOrDefault(org.Parent is { } p && org.Entity.Kind == OrganizationKind.PartyGroup ? p : org);
            var withMinutes = org.Entity.Kind == OrganizationKind.Branch && rnd.NextDouble() < MinutesShare;
            foreach (var requirement in ComplianceRules.Default.For(org.Entity.Kind))
            {
                // From January; in the year's first period also the last one of the year before, which still counts.
                var first = MeetingPeriod.Of(new DateOnly(today.Year, 1, 1), requirement.Frequency);
                if (first.Contains(today))
                {
                    first = first.Previous();
                }

                for (var period = first; period.Start <= today; period = period.Next())
                {
                    var kept = rnd.NextDouble() < keeps;
                    var day = period.Start.AddDays(rnd.Next(period.End.DayNumber - period.Start.DayNumber + 1));
                    var prepared = org == plan.SampleBranch && requirement.Type == MeetingType.CommitteeMeeting && period.Contains(today);
                    if (prepared)
                    {
                        // The demo secretary's branch has this month's 支委会 ahead, called but its notice not yet sent.
                        (kept, day) = (true, today.AddDays(Math.Min(PreparedInDays, period.End.DayNumber - today.DayNumber)));
                    }

                    if (!kept)
                    {
                        continue;
                    }

                    // The current period's meeting may still be ahead: within a week it is called (notice sent), later
                    // it is not called yet and the period shows as due.
                    var held = day < today;
                    if (!held && day > today.AddDays(7))
                    {
                        continue;
                    }
                    var meeting = new Meeting
                    {
                        OrganizationId = org.Entity.Id,
                        Type = requirement.Type,
                        Title = TitleOf(requirement.Type, period, org, rnd),
                        Location = org.Entity.Kind == OrganizationKind.PartyGroup ? "党员活动室" : "党群服务中心会议室",
                        Date = day,
                        StartTime = new TimeOnly(rnd.Next(2) == 0 ? 9 : 14, 30),
                        NoticeDate = held ? day.AddDays(-rnd.Next(3, 8)) : prepared ? null : today,
                        SecretaryPersonId = org.Entity.Kind == OrganizationKind.Branch ? secretary?.Id : null,
                        Status = held ? MeetingStatus.Closed : prepared ? MeetingStatus.Planned : MeetingStatus.Notified,
                        CreatedAt = Beijing(day.AddDays(-8), 9),
                    };
                    meetings.Add(meeting);
                    if (prepared && secretaries.GetValueOrDefault(org) is not null)
                    {
                        Prepare(meeting, plan.Teams.Last(t => t.Org == org));
                    }

                    if (withMinutes && held && requirement.Type == MeetingType.CommitteeMeeting && day.Year == today.Year)
                    {
                        minuted.Add((meeting, secretary?.Name ?? "书记"));
                    }
                }
            }
        }

        // The minuted committee meetings were held in full: the team invited and present (one now and then on leave),
        // two matters decided item by item by open vote, as the minutes say. Their own Random, so the meetings above
        // stay as they were.
        var inFull = new Random(Seed + 1);
        var teams = plan.Teams.GroupBy(t => t.Org).ToDictionary(g => g.Key.Entity.Id, g => g.Last());
        foreach (var (meeting, _) in minuted)
        {
            if (teams.GetValueOrDefault(meeting.OrganizationId) is { } team)
            {
                HoldInFull(meeting, team, inFull);
            }
        }

        meetings.Add(SampleBranchLifeMeeting(plan, today));
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);

        var minutes = new List<MeetingMinutes>();
        foreach (var group in minuted.GroupBy(m => m.Meeting.OrganizationId))
        {
            var number = 0;
            foreach (var (meeting, secretary) in group.OrderBy(m => m.Meeting.Date).ThenBy(m => m.Meeting.Id))
            {
                var draft = MinutesRevisions.FirstDraft(meeting.Id, meeting.OrganizationId, meeting.Date, TextOf(meeting, secretary, rnd));
                var signedAt = Beijing(meeting.Date.AddDays(rnd.Next(1, 4)), 16);
                MinutesRevisions.Sign(draft, null, meeting.Date, ++number, secretary, signedAt);
                minutes.Add(draft);
            }
        }

        // One correction, to show a superseded revision next to the one in force.
        if (minutes.Count > 0)
        {
            var corrected = minutes[rnd.Next(minutes.Count)];
            var correction = MinutesRevisions.Correction(corrected, "参会人数笔误", corrected.Text.Replace("应到", "应到会", StringComparison.Ordinal));
            var meetingDate = meetings.First(m => m.Id == corrected.MeetingId).Date;
            MinutesRevisions.Sign(correction, corrected, meetingDate, 0, corrected.SignedBy!, corrected.SignedAt!.Value.AddDays(2));
            minutes.Add(correction);
        }

        db.MeetingMinutes.AddRange(minutes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A 支委会 in preparation: the team invited, nothing recorded yet, two matters on the agenda proposed by the secretary
    /// — what the demo secretary finds to run. No Random: the other records stay as they were.
    /// </summary>
    private static void Prepare(Meeting meeting, DemoTeam team)
    {
        var people = team.Seats.Select(s => s.Person).DistinctBy(p => p.Id).ToList();
        meeting.Participants.AddRange(people.Select(p => new MeetingParticipant { PersonId = p.Id, Entitled = true, Attendance = Attendance.Unrecorded }));
        (string Title, ItemCategory Category, int? InCharge)[] matters =
            [("研究" + Topics[5], ItemCategory.Routine, null), ("研究" + Topics[8], ItemCategory.Major, people.Count > 1 ? people[1].Id : people[0].Id)];
        for (var i = 0; i < matters.Length; i++)
        {
            meeting.Items.Add(new AgendaItem
            {
                Order = i + 1,
                Title = matters[i].Title,
                Category = matters[i].Category,
                InChargePersonId = matters[i].InCharge,
                ProposerIds = [people[0].Id],
                VoteMode = VoteMode.Open,
                Status = ItemStatus.Pending,
            });
        }
    }

    private static void HoldInFull(Meeting meeting, DemoTeam team, Random rnd)
    {
        var people = team.Seats.Select(s => s.Person).DistinctBy(p => p.Id).ToList();
        var absent = people.Count > 3 && rnd.NextDouble() < 0.3 ? people[rnd.Next(1, people.Count)].Id : (int?)null;
        meeting.Participants.AddRange(people.Select(p => new MeetingParticipant
        {
            PersonId = p.Id,
            Entitled = true,
            Attendance = p.Id == absent ? Attendance.Absent : Attendance.Present,
            Reason = p.Id == absent ? "因公外出，已请假" : null,
        }));
        var present = people.Where(p => p.Id != absent).ToList();
        var first = Topics[rnd.Next(Topics.Length)];
        var second = Topics[(Array.IndexOf(Topics, first) + 1 + rnd.Next(Topics.Length - 1)) % Topics.Length];
        var inCharge = present.Count > 1 ? present[1].Id : present[0].Id;
        (string Title, ItemCategory Category, int? InCharge)[] matters = [("研究" + first, ItemCategory.Routine, null), ("研究" + second, ItemCategory.Major, inCharge)];
        for (var i = 0; i < matters.Length; i++)
        {
            var abstaining = present.Count > 2 && rnd.NextDouble() < 0.25 ? present[^1].Id : (int?)null;
            var item = new AgendaItem
            {
                Order = i + 1,
                Title = matters[i].Title,
                Category = matters[i].Category,
                InChargePersonId = matters[i].InCharge,
                ProposerIds = [present[0].Id],
                VoteMode = VoteMode.Open,
                Votes = [.. present.Select(p => new ItemVote { PersonId = p.Id, Choice = p.Id == abstaining ? VoteChoice.Abstain : VoteChoice.For })],
            };
            var counts = new VoteCounts(item.Votes.Count(v => v.Choice == VoteChoice.For), 0, item.Votes.Count(v => v.Choice == VoteChoice.Abstain));
            var result = ItemDecision.Decide(new ItemFacts(item.Category, people.Count, present.Count, item.InChargePersonId is null ? null : true, counts, VoteChoice.For));
            item.EntitledCount = people.Count;
            item.PresentCount = present.Count;
            item.InChargePresent = item.InChargePersonId is null ? null : true;
            item.VotesFor = counts.For;
            item.VotesAgainst = counts.Against;
            item.VotesAbstain = counts.Abstain;
            item.QuorumProblems = string.Join(',', result.QuorumProblems.Select(DecisionCheckJson.Code));
            item.Outcome = result.Outcome;
            item.Status = ItemStatus.Decided;
            item.DecidedAt = Beijing(meeting.Date, 16);
            item.FollowUp = rnd.NextDouble() < 0.6 ? "已按分工落实，在下次支委会上报告了进展。" : null;
            meeting.Items.Add(item);
        }
    }

    /// <summary>
    /// The sample branch's 组织生活会 of the year, called for a few days ahead with its members invited (预备党员 without a
    /// vote), so the demo member has a meeting coming on their own page. It falls in the days of the branch's 民主评议党员
    /// (<see cref="DemoEvaluations"/>), which is held at the 组织生活会.
    /// </summary>
    private static Meeting SampleBranchLifeMeeting(DemoPlan plan, DateOnly today)
    {
        var day = today.AddDays(4);
        var meeting = new Meeting
        {
            OrganizationId = plan.SampleBranch.Entity.Id,
            Type = MeetingType.OrganizationalLifeMeeting,
            Title = string.Create(CultureInfo.InvariantCulture, $"{today.Year}年度组织生活会暨民主评议党员"),
            Location = "党群服务中心会议室",
            Date = day,
            StartTime = new TimeOnly(14, 30),
            NoticeDate = today,
            SecretaryPersonId = plan.SampleSecretary.Id,
            Status = MeetingStatus.Notified,
            CreatedAt = Beijing(today, 9),
        };
        // The members on its roll, and its team (whose members may be on a party group's roll below it).
        var team = plan.Teams.Last(t => t.Org == plan.SampleBranch).Seats.Select(s => s.Person);
        meeting.Participants.AddRange(plan.SampleBranch.Roll.Where(p => p.Status != MemberStatus.Resident && !p.IsRemoved).Concat(team).Distinct()
            .Select(p => new MeetingParticipant { PersonId = p.Id, Entitled = p.Status == MemberStatus.Full }));
        return meeting;
    }

    /// <summary>A time of day in Beijing, stored in UTC (PostgreSQL keeps timestamptz in UTC only).</summary>
    private static DateTimeOffset Beijing(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    private static string TitleOf(MeetingType type, MeetingPeriod period, DemoOrg org, Random rnd)
    {
        var y = period.Start.Year;
        return type switch
        {
            MeetingType.CommitteeMeeting => string.Create(CultureInfo.InvariantCulture, $"{y}年{period.Index}月支委会"),
            MeetingType.MembersAssembly => string.Create(CultureInfo.InvariantCulture, $"{y}年第{period.Index}季度支部党员大会"),
            MeetingType.PartyLecture => string.Create(CultureInfo.InvariantCulture, $"{y}年第{period.Index}季度党课：{Lectures[rnd.Next(Lectures.Length)]}"),
            MeetingType.GroupMeeting => string.Create(CultureInfo.InvariantCulture, $"{org.Entity.Name}{y}年{period.Index}月党小组会"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{y}年会议"),
        };
    }

    private static string TextOf(Meeting meeting, string secretary, Random rnd)
    {
        var a = Topics[rnd.Next(Topics.Length)];
        var b = Topics[rnd.Next(Topics.Length)];
        var entitled = rnd.Next(5, 8);
        var present = entitled - rnd.Next(0, 2);
        if (meeting.Items.Count == 2)
        {
            // Held in full: the minutes tell what the record holds.
            (a, b) = (meeting.Items[0].Title[2..], meeting.Items[1].Title[2..]);
            (entitled, present) = (meeting.Participants.Count, meeting.Participants.Count(p => p.Attendance == Attendance.Present));
        }

        return string.Create(CultureInfo.InvariantCulture, $"""
            {meeting.Date:yyyy年M月d日}，支部委员会在{meeting.Location}召开{meeting.Date.Month}月支委会，会议由{secretary}主持，应到{entitled}人，实到{present}人，符合规定人数。

            一、会议传达学习了上级有关会议和文件精神，要求全体支委带头学、深入学，结合实际抓好贯彻落实。

            二、会议研究了{a}。经充分讨论，逐项表决，会议同意按方案实施，由分管委员负责落实，下次支委会报告进展。

            三、会议研究了{b}。会议要求明确责任、倒排时间，做到件件有着落、事事有回音。

            会议要求：各项决定按分工抓好落实，落实情况在支部党员大会上通报。
            """);
    }
}
