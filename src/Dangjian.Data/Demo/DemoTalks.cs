using Dangjian.Domain.Meetings.Talks;
using Dangjian.Domain.People;

namespace Dangjian.Data.Demo;

/// <summary>
/// 谈心谈话 (MTG-11) in the register of the sample branch and a few other organizations with a team in office: last year
/// nearly every required pair talked, this year (1 January to today) about two pairs in three, so the coverage page has
/// pairs still owed. Topics follow the seeds (交心谈心, 个别谈话, 电话约谈 on 思想、工作和生活情况). Made through
/// <see cref="Talk.Record"/> with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoTalks
{
    private static readonly string[] Topics =
    [
        "思想、工作和生活情况，对支部工作的意见建议",
        "班子团结和分管工作推进情况",
        "发挥党员先锋模范作用，带头落实村里重点工作",
        "入党积极分子培养和发展党员工作",
        "群众反映的问题及解决办法",
        "集体经济发展思路和增收项目",
        "参加“三会一课”和学习教育情况",
        "家庭困难情况，需要组织帮助解决的问题",
    ];

    private static readonly string[] FollowUps =
    [
        "协调镇民政办落实临时救助",
        "约定下季度再谈一次，了解思想变化",
        "将意见建议提交支委会研究",
        "帮助联系就业岗位",
    ];

    public static Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x7a1c);
        var teams = plan.Teams.Where(t => t.Entity.StartsOn <= today && t.Seats.Count > 1)
            .GroupBy(t => t.Org).Select(g => g.OrderByDescending(t => t.Entity.StartsOn).First()).ToList();
        var chosen = teams.Where(t => t.Org == plan.SampleBranch).Concat(teams.Where(t => t.Org != plan.SampleBranch && t.Org.Roll.Count > 2).Take(3)).ToList();
        foreach (var team in chosen)
        {
            var seats = team.Seats.Select(s => new TalkTeamSeat(s.Person.Id, s.Position.Role)).ToList();
            var members = team.Org.Roll.Where(p => !p.IsRemoved && p.Status.IsMember()).Select(p => p.Id).ToList();
            var people = team.Org.Roll.Where(p => !p.IsRemoved).Select(p => p.Id).Concat(seats.Select(s => s.PersonId)).ToHashSet();
            var pairs = TalkRequirements.Coverage(today.Year, seats, members, []).Pairs;
            foreach (var (year, share) in new[] { (today.Year - 1, 0.9), (today.Year, 0.65) })
            {
                var first = new DateOnly(year, 1, 1);
                var last = year < today.Year ? new DateOnly(year, 12, 31) : today;
                var span = last.DayNumber - first.DayNumber;
                foreach (var pair in pairs.Where(_ => random.NextDouble() < share))
                {
                    var day = first.AddDays(random.Next(span + 1));
                    var (a, b) = random.Next(4) == 0 ? (pair.SecondId, pair.FirstId) : (pair.FirstId, pair.SecondId);
                    var kind = random.Next(6) switch { 0 => TalkKind.Phone, 1 => TalkKind.Individual, _ => TalkKind.HeartToHeart };
                    var followUp = random.Next(4) == 0 ? FollowUps[random.Next(FollowUps.Length)] : null;
                    var talk = Talk.Record(team.Org.Entity.Id, new TalkEntry(day, a, b, kind, Topics[random.Next(Topics.Length)], followUp), "secretary", today, people);
                    if (followUp is not null && random.Next(2) == 0)
                    {
                        talk.RecordFollowUp(followUp, day.AddDays(Math.Min(random.Next(1, 30), today.DayNumber - day.DayNumber)), today);
                    }

                    db.Talks.Add(talk);
                }
            }
        }

        return db.SaveChangesAsync(ct);
    }
}
