using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;

namespace Dangjian.Data.Demo;

/// <summary>
/// A year of study records (STU-1) for the sample township: its leadership team's central group sessions each month,
/// their weekly self-study and a party-school stay, and the branch members' concentrated training and self-study. Two of
/// every three people keep pace with the requirements (StudyDefaults) and the third falls behind, so the compliance
/// pages show both. Self-study the person entered in the last three weeks still waits for the clerk; the sample member
/// has one waiting and one returned. Made through the entity's own rule, deterministic for a given day.
/// </summary>
internal static class DemoStudyRecords
{
    private const int Seed = 2019; // 《2019—2023年全国党员教育培训工作规划》
    private const string Clerk = "demo";

    /// <summary>Self-study the person entered this many days ago or less still waits for approval.</summary>
    private const int WaitingDays = 21;

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var credits = StudyCredits.Defaults;
        var township = plan.SampleBranch.Parent!;
        var first = today.AddDays(-364);
        var team = plan.Teams.Where(t => t.Org == township).SelectMany(t => t.Seats.Select(s => s.Person)).DistinctBy(p => p.Id).ToList();
        var teamIds = team.Select(p => p.Id).ToHashSet();
        var members = township.Children.Where(o => o.Entity.Kind == OrganizationKind.Branch)
            .SelectMany(b => b.Roll).Where(p => p.Status.IsMember() && !p.IsRemoved && !teamIds.Contains(p.Id)).ToList();
        var secretaries = plan.Teams.Where(t => t.Org.Parent == township).Select(t => t.Secretary.Id).ToHashSet();

        void Add(Person person, StudyRecordContent content, bool byClerk)
        {
            var day = content.Date ?? content.To!.Value;
            var record = StudyRecord.Enter(person.Id, person.OrganizationId, content, byClerk, credits, byClerk ? Clerk : person.Name, Instant(day), today);
            if (record.Status == StudyRecordStatus.Pending && day < today.AddDays(-WaitingDays))
            {
                record.Approve(Clerk, Instant(day.AddDays(2)));
            }

            db.StudyRecords.Add(record);
        }

        for (var i = 0; i < team.Count; i++)
        {
            var person = team[i];
            var behind = i % 3 == 2;
            // 中心组学习 on the 10th of each month: 4 hours keeps pace with 40 a year, 2 does not.
            for (var month = new DateOnly(first.Year, first.Month, 10); month <= today; month = month.AddMonths(1))
            {
                if (month >= first)
                {
                    Add(person, Session(StudyKind.CentralGroup, month, behind ? 2 : 4, rnd), byClerk: true);
                }
            }

            // 自学 each week: 6 hours keeps pace with 300 a year, 3 does not.
            for (var day = first.AddDays(i % 7); day <= today; day = day.AddDays(7))
            {
                Add(person, new StudyRecordContent(StudyKind.SelfStudy, Date: day, Hours: behind ? 3 : 6, Notes: Notes(rnd)), byClerk: false);
            }

            // 党校: a stay of the term for those keeping pace (three months of the five-year term's 90 days).
            if (!behind)
            {
                var from = first.AddDays(30 + (i * 11));
                Add(person, new StudyRecordContent(StudyKind.PartySchool, From: from, To: from.AddDays(45), Topic: "县委党校中青年干部培训班"), byClerk: true);
            }

            AddConcentrated(person, behind ? 2 : 8);
        }

        for (var i = 0; i < members.Count; i++)
        {
            var person = members[i];
            var behind = i % 3 == 2;
            // 集中学习培训: 32 hours a year for a member, 56 for a branch secretary; those behind have half a day.
            AddConcentrated(person, behind ? 1 : secretaries.Contains(person.Id) ? 7 : 4);
            if (rnd.NextDouble() < 0.5 || person.Id == plan.SampleMember.Id)
            {
                var day = today.AddDays(-rnd.Next(0, 120));
                Add(person, new StudyRecordContent(StudyKind.SelfStudy, Date: day, Hours: rnd.Next(1, 5), Notes: Notes(rnd)), byClerk: false);
            }
        }

        // The sample member: one self-study record waiting (entered yesterday) and one the clerk returned.
        var sample = plan.SampleMember;
        Add(sample, new StudyRecordContent(StudyKind.SelfStudy, Date: today.AddDays(-1), Hours: 2, Notes: "学习《中国共产党章程》总纲"), byClerk: false);
        var returned = StudyRecord.Enter(sample.Id, sample.OrganizationId, new StudyRecordContent(StudyKind.Lecture, Date: today.AddDays(-3), Hours: 1, Topic: "在支部讲党课"),
            false, credits, sample.Name, Instant(today.AddDays(-3)), today);
        returned.Return("请补充党课题目和听课人数", Clerk, Instant(today.AddDays(-2)));
        db.StudyRecords.Add(returned);

        await db.SaveChangesAsync(ct);

        void AddConcentrated(Person person, int sessions)
        {
            // Full days of 8 hours, spread over the year.
            for (var s = 0; s < sessions; s++)
            {
                var day = first.AddDays(20 + (s * 340 / Math.Max(1, sessions)) + (person.Id % 9));
                if (day <= today)
                {
                    Add(person, Session(StudyKind.Concentrated, day, 8, rnd), byClerk: true);
                }
            }
        }
    }

    /// <summary>Session topics with their content category (学习内容), which sets the credits' factor.</summary>
    private static readonly (string Topic, StudyContent Content)[] Topics =
    [
        ("学习贯彻党的二十大精神", StudyContent.Theory), ("《中国共产党章程》专题学习", StudyContent.PartySpirit),
        ("《中国共产党纪律处分条例》学习", StudyContent.PartySpirit), ("基层治理能力提升", StudyContent.Knowledge),
        ("乡村振兴战略专题", StudyContent.Policy), ("习近平新时代中国特色社会主义思想专题", StudyContent.Theory),
    ];

    private static readonly string[] Readings =
    [
        "通读《习近平谈治国理政》第四卷相关篇目并作笔记", "学习《中国共产党支部工作条例（试行）》", "阅读《求是》杂志本期重点文章", "学习党史学习教育读本一章",
    ];

    private static StudyRecordContent Session(StudyKind kind, DateOnly day, decimal hours, Random rnd)
    {
        var (topic, content) = Topics[rnd.Next(Topics.Length)];
        return new(kind, Date: day, Hours: hours, Topic: topic, Content: content);
    }

    private static string Notes(Random rnd) => Readings[rnd.Next(Readings.Length)];

    private static DateTimeOffset Instant(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
