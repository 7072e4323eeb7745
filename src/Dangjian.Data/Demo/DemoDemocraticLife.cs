using Dangjian.Domain.Meetings;

namespace Dangjian.Data.Demo;

/// <summary>
/// Democratic life meetings for the demo (DLM-1 … DLM-4): the first three townships each have last year's meeting,
/// held, with problems per team member and rectifications of which some are done and some still open (a few
/// overdue), and this year's meeting in preparation, so the carry-over of open rectifications shows. Chance comes
/// from a seeded <see cref="Random"/>, so a given <c>today</c> gives the same records. Only new tables get rows.
/// </summary>
internal static class DemoDemocraticLife
{
    private const int Seed = 20261124;
    private const int Townships = 3;
    private const string ConfirmedBy = "demo";

    private static readonly string[] SelfCriticisms =
    [
        "理论学习不够系统，满足于参加集中学习，自学时间不足，学用结合不紧。",
        "深入基层调研不够，到联系村蹲点时间偏少，听取群众意见的渠道比较单一。",
        "落实重大事项集体决策有时不够严格，会前酝酿不充分。",
        "开展批评与自我批评有顾虑，怕伤和气，批评别人时避重就轻。",
        "分管工作抓落实的韧劲不足，部署多、督查少，有的工作推进缓慢。",
        "艰苦奋斗精神有所淡化，精简文件会议的要求落实不够到位。",
    ];

    private static readonly string[] Criticisms =
    [
        "对分管领域的矛盾问题主动研究不够，存在上交倾向。",
        "下村指导村级党组织建设不够经常，对软弱涣散村整顿督促不力。",
        "工作中有时急于求成，听取不同意见不够耐心。",
    ];

    private static readonly string[] Measures =
    [
        "制定个人年度学习计划，每月自学不少于二十五学时，每季度撰写一篇学习心得。",
        "每季度到联系村蹲点调研不少于三天，形成调研报告并提出解决措施。",
        "严格执行党委议事规则，重大事项会前充分酝酿、会上逐项表决。",
        "每月召开一次分管线工作督查会，建立问题清单、责任清单、整改清单。",
        "精简会议和文件，分管线会议数量压缩三分之一。",
        "在支部组织生活中带头开展批评与自我批评，每半年与分管部门负责人谈心谈话一次。",
    ];

    private static readonly string[] Evidence =
    [
        "学习笔记及心得四篇，已交党委办公室备案。",
        "调研报告已在党委会上通报，整改事项已列入台账。",
        "党委会议记录及表决票已归档。",
        "督查会纪要及问题清单已归档。",
    ];

    private static readonly (OpinionSource Source, string Text)[] Opinions =
    [
        (OpinionSource.Cadre, "建议班子成员多到村里听取意见，少开会、多办实事。"),
        (OpinionSource.Resident, "希望镇里对农村道路修缮的问题尽快给个答复。"),
        (OpinionSource.Member, "支部组织生活形式比较单一，希望上级多来指导。"),
        (OpinionSource.Resident, "办事窗口有时找不到人，希望公开值班表。"),
        (OpinionSource.Cadre, "年轻干部下村锻炼的机会不多，建议建立轮岗制度。"),
    ];

    /// <summary>Adds the meetings, then (their ids known) the opinions collected before them.</summary>
    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var opinions = new List<(DemocraticLifeMeeting Meeting, DateOnly From, int Count)>();
        var districtTeam = plan.Teams.Last(t => t.Org == plan.District);
        var townships = plan.Organizations.Where(o => o.Level == 1).Take(Townships).ToList();
        for (var i = 0; i < townships.Count; i++)
        {
            var team = plan.Teams.Last(t => t.Org == townships[i]);
            var (_, leader, leaderTitle) = districtTeam.Seats[2 + (i % (districtTeam.Seats.Count - 2))];
            opinions.Add(AddLastYear(db, rnd, townships[i], team, leader.Name, "区委" + leaderTitle, today));
            opinions.Add(AddThisYear(db, rnd, townships[i], today));
        }

        AddSampleBranch(db, plan, today);

        await db.SaveChangesAsync(ct);
        foreach (var (meeting, from, count) in opinions)
        {
            AddOpinions(db, rnd, meeting.Id, from, count);
        }

        await db.SaveChangesAsync(ct);
    }

    private static (DemocraticLifeMeeting, DateOnly, int) AddLastYear(DangjianDbContext db, Random rnd, DemoOrg org, DemoTeam team, string leader, string leaderTitle, DateOnly today)
    {
        var year = today.Year - 1;
        var held = new DateOnly(year, 12, 10 + rnd.Next(15));
        var meeting = new DemocraticLifeMeeting
        {
            OrganizationId = org.Entity.Id,
            Year = year,
            Theme = $"{year}年度领导班子民主生活会",
            PlannedDate = held,
            SuperiorLeaderName = leader,
            SuperiorLeaderTitle = leaderTitle,
        };
        Confirm(meeting, held.AddDays(-10));
        meeting.MarkHeld(held, held);

        var anyOpen = false;
        var anyDone = false;
        foreach (var (member, index) in team.Seats.Select((s, k) => (s.Person, k)))
        {
            var problems = new List<DemocraticLifeProblem>
            {
                new() { PersonId = member.Id, Kind = ProblemKind.SelfCriticism, Text = SelfCriticisms[(index + rnd.Next(SelfCriticisms.Length)) % SelfCriticisms.Length] },
            };
            if (index > 0 && rnd.NextDouble() < 0.5)
            {
                problems.Add(new DemocraticLifeProblem
                {
                    PersonId = member.Id,
                    Kind = ProblemKind.Criticism,
                    RaisedBy = index == 1 ? leader : team.Secretary.Name,
                    Text = Criticisms[rnd.Next(Criticisms.Length)],
                });
            }

            foreach (var problem in problems)
            {
                var measures = 1 + rnd.Next(2);
                for (var m = 0; m < measures; m++)
                {
                    var deadline = held.AddDays(90 * (1 + rnd.Next(4)));
                    var rectification = new DemocraticLifeRectification
                    {
                        Measure = Measures[rnd.Next(Measures.Length)],
                        Owner = member.Name,
                        Deadline = deadline,
                    };
                    var doneOn = deadline.AddDays(-rnd.Next(30));
                    // The last one of the team stays open whatever the dice say, and the first is done, so both show.
                    var done = doneOn < today && (!anyDone || (rnd.NextDouble() < 0.6 && anyOpen));
                    if (done)
                    {
                        rectification.Complete(doneOn, Evidence[rnd.Next(Evidence.Length)], today);
                        anyDone = true;
                    }
                    else
                    {
                        anyOpen = true;
                    }

                    problem.Rectifications.Add(rectification);
                }

                meeting.Problems.Add(problem);
            }
        }

        db.DemocraticLifeMeetings.Add(meeting);
        return (meeting, held.AddDays(-20), 3);
    }

    /// <summary>
    /// Last year's meeting of the sample branch, held, with one problem per team member and its measure, and two measures
    /// whose 责任人 is the demo member (an ordinary member, not on the team): one past its deadline, one still running,
    /// both open. So the member's own page shows their measures, one overdue, and the branch has others' measures beside
    /// them. Its own <see cref="Random"/>, so the townships' meetings above stay as they were.
    /// </summary>
    private static void AddSampleBranch(DangjianDbContext db, DemoPlan plan, DateOnly today)
    {
        var rnd = new Random(Seed + 1);
        var year = today.Year - 1;
        var held = new DateOnly(year, 12, 28);
        var teams = plan.Teams.Where(t => t.Org == plan.SampleBranch).ToList();
        var team = teams.LastOrDefault(t => t.Entity.IsCurrentOn(held)) ?? teams.Last();
        var meeting = new DemocraticLifeMeeting
        {
            OrganizationId = plan.SampleBranch.Entity.Id,
            Year = year,
            Theme = $"{year}年度支部委员会民主生活会",
            PlannedDate = held,
        };
        Confirm(meeting, held.AddDays(-10));
        meeting.MarkHeld(held, held);

        foreach (var (member, index) in team.Seats.Select((s, k) => (s.Person, k)).DistinctBy(x => x.Person.Id))
        {
            var problem = new DemocraticLifeProblem
            {
                PersonId = member.Id,
                Kind = ProblemKind.SelfCriticism,
                Text = SelfCriticisms[(index + rnd.Next(SelfCriticisms.Length)) % SelfCriticisms.Length],
            };
            var rectification = new DemocraticLifeRectification { Measure = Measures[rnd.Next(Measures.Length)], Owner = member.Name, Deadline = today.AddDays(30 + (30 * index)) };
            if (index == 0)
            {
                // The secretary's is done, so the branch shows one of each.
                rectification.Complete(Min(held.AddDays(30), today), Evidence[rnd.Next(Evidence.Length)], today);
            }

            problem.Rectifications.Add(rectification);
            if (index == 1)
            {
                // Some of the branch's work falls to members off the team: the demo member owns two of this problem's measures.
                var owner = plan.SampleMember.Name;
                var overdue = held.AddDays(Math.Max(1, (today.DayNumber - held.DayNumber) / 2));
                problem.Rectifications.Add(new DemocraticLifeRectification { Measure = "每月整理一次学习资料，在支部党员群分享并组织交流。", Owner = owner, Deadline = overdue });
                problem.Rectifications.Add(new DemocraticLifeRectification { Measure = "带头参加主题党日志愿服务，全年不少于四次。", Owner = owner, Deadline = today.AddDays(45) });
            }

            meeting.Problems.Add(problem);
        }

        db.DemocraticLifeMeetings.Add(meeting);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static (DemocraticLifeMeeting, DateOnly, int) AddThisYear(DangjianDbContext db, Random rnd, DemoOrg org, DateOnly today)
    {
        var meeting = new DemocraticLifeMeeting
        {
            OrganizationId = org.Entity.Id,
            Year = today.Year,
            Theme = $"{today.Year}年度领导班子民主生活会",
            PlannedDate = today.AddDays(20 + rnd.Next(15)),
            Status = DemocraticLifeStatus.Preparing,
        };
        meeting.Confirm(PreparationItem.People, true, ConfirmedBy, At(today.AddDays(-3)));
        db.DemocraticLifeMeetings.Add(meeting);
        return (meeting, today.AddDays(-7), 2 + rnd.Next(3));
    }

    private static void AddOpinions(DangjianDbContext db, Random rnd, int meetingId, DateOnly from, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (source, text) = Opinions[rnd.Next(Opinions.Length)];
            var bytes = new byte[16];
            rnd.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // a version-4 shape, like Guid.NewGuid(), but from the seeded dice
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            db.DemocraticLifeOpinions.Add(new DemocraticLifeOpinion
            {
                Id = new Guid(bytes),
                MeetingId = meetingId,
                Source = source,
                Text = text,
                ReceivedOn = from.AddDays(rnd.Next(5)),
            });
        }
    }

    private static void Confirm(DemocraticLifeMeeting meeting, DateOnly on)
    {
        foreach (var item in Enum.GetValues<PreparationItem>())
        {
            meeting.Confirm(item, true, ConfirmedBy, At(on));
        }
    }

    /// <summary>09:00 Beijing time, stored as UTC like every instant.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
}
