using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Demo;

/// <summary>
/// The sample township's study and training of the superior and the committee: this quarter's inspections of study notes
/// by the township of each of its branches but the last (whose leaders stay on the "not inspected" list), this month's
/// review of the sample branch's reflections; the township's course menu of this year with its leaders' picks and
/// attendance of the courses already held, each attended course the leader's course record; the township team's theory
/// lectures of this year, one cadre's still only planned, each given one the cadre's lecture record; and the last half-year's ranking, confirmed, with a rectification deadline and class for each 后进. Made
/// through the entities' own rules, each row added once in its final state.
/// </summary>
internal static class DemoStudyTraining
{
    private const int Seed = 2004; // seed 004: 菜单式培训, 理论课

    /// <summary>Who records the attendance and the lectures given, as the demo's study clerk.</summary>
    private const string Clerk = "demo";

    private static readonly string[] Courses =
    [
        "习近平新时代中国特色社会主义思想专题", "依法行政与法治政府建设", "招商引资与外经外贸实务", "城市管理与基层治理", "市场经济与乡村振兴",
    ];

    private static readonly string[] Topics = ["学习贯彻党的二十大精神", "党史中的优良作风", "全面从严治党新要求", "新发展理念的实践", "基层党建与乡村振兴"];

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var township = plan.SampleBranch.Parent!;
        var branches = township.Children.Where(o => o.Entity.Kind == OrganizationKind.Branch).ToList();

        AddInspections(db, plan, township, branches, today, rnd);
        AddMenu(db, plan, township, today, rnd);
        AddLectures(db, plan, township, today, rnd);
        await AddRankingAsync(db, plan, township, today, rnd, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The leaders of the team in office on <paramref name="day"/> (the latest to have started), secretary first.</summary>
    public static IReadOnlyList<Person> Leaders(DemoPlan plan, DemoOrg org, DateOnly day) =>
        [.. plan.Teams.Where(t => t.Org == org && t.Entity.StartsOn <= day).OrderByDescending(t => t.Entity.StartsOn).Take(1)
            .SelectMany(t => t.Seats.Select(s => s.Person)).Where(p => !p.IsRemoved).DistinctBy(p => p.Id)];

    private static IEnumerable<DemoOrg> Subtree(DemoOrg org) => org.Children.SelectMany(Subtree).Prepend(org);

    private static void AddInspections(DangjianDbContext db, DemoPlan plan, DemoOrg township, List<DemoOrg> branches, DateOnly today, Random rnd)
    {
        var quarter = StudyInspections.PeriodOf(StudyInspectionKind.Notes, today);
        foreach (var branch in branches.Take(branches.Count - 1))
        {
            var people = Leaders(plan, branch, today);
            if (people.Count == 0)
            {
                continue;
            }

            var day = quarter.Start.AddDays(rnd.Next(0, today.DayNumber - quarter.Start.DayNumber + 1));
            var inspection = StudyInspection.Open(branch.Entity.Id, township.Entity.Id, StudyInspectionKind.Notes, day, "镇党委组织委员", today);
            foreach (var person in people)
            {
                var satisfactory = rnd.NextDouble() >= 0.15;
                inspection.AddFinding(person.Id, satisfactory, satisfactory ? null : "笔记记录不完整，心得体会偏少，请按季度补齐");
            }

            inspection.Complete(Instant(day));
            db.StudyInspections.Add(inspection);
        }

        var month = StudyInspections.PeriodOf(StudyInspectionKind.Reflections, today);
        var sample = Leaders(plan, plan.SampleBranch, today);
        if (sample.Count > 0)
        {
            var review = StudyInspection.Open(plan.SampleBranch.Entity.Id, township.Entity.Id, StudyInspectionKind.Reflections, month.Start, "镇党委宣传委员", today);
            foreach (var person in sample)
            {
                review.AddFinding(person.Id, true, null);
            }

            review.Complete(Instant(month.Start));
            db.StudyInspections.Add(review);
        }
    }

    private static void AddMenu(DangjianDbContext db, DemoPlan plan, DemoOrg township, DateOnly today, Random rnd)
    {
        var rules = CourseMenuRules.Defaults;
        var menu = CourseMenu.Create(township.Entity.Id, today.Year);
        for (var i = 0; i < Courses.Length; i++)
        {
            // Spread over the year: March, May, July, September, November.
            menu.AddCourse(Courses[i], new DateOnly(today.Year, 3 + (2 * i), 15), 3m + (i % 2));
        }

        menu.Open(rules);
        var leaders = Subtree(township).SelectMany(o => Leaders(plan, o, today)).DistinctBy(p => p.Id).ToList();
        foreach (var person in leaders.Take(leaders.Count - Math.Max(1, leaders.Count / 8)))
        {
            var count = rnd.Next(rules.MinPicks, rules.MaxPicks + 1);
            var picked = menu.Courses.OrderBy(_ => rnd.Next()).Take(count).Select(c => c.Id).ToList();
            menu.Pick(person.Id, picked, rules);
            foreach (var course in menu.Courses.Where(c => picked.Contains(c.Id) && c.Date <= today))
            {
                var attended = rnd.NextDouble() < 0.8;
                menu.RecordAttendance(person.Id, course.Id, attended, today);
                if (attended)
                {
                    // An attended course is the leader's course record, as the attendance command makes it.
                    db.StudyRecords.Add(StudyRecord.OfCourse(course, person.Id, person.OrganizationId, Clerk, Instant(course.Date!.Value)));
                }
            }
        }

        db.CourseMenus.Add(menu);
    }

    private static void AddLectures(DangjianDbContext db, DemoPlan plan, DemoOrg township, DateOnly today, Random rnd)
    {
        var cadres = Leaders(plan, township, today);
        var start = new DateOnly(today.Year, 1, 1);
        for (var i = 0; i < cadres.Count; i++)
        {
            var topic = Topics[i % Topics.Length];
            if (i == cadres.Count - 1)
            {
                // The one cadre without a lecture this year yet: planned for next month.
                db.TheoryLectures.Add(TheoryLecture.Plan(cadres[i].Id, township.Entity.Id, topic, today.AddMonths(1)));
                continue;
            }

            var given = start.AddDays(rnd.Next(0, today.DayNumber - start.DayNumber + 1));
            var lecture = TheoryLecture.Plan(cadres[i].Id, township.Entity.Id, topic, given);
            lecture.MarkGiven(given, 1.5m + (i % 2 * 0.5m), today);
            db.TheoryLectures.Add(lecture);
            db.StudyRecords.Add(StudyRecord.OfLecture(lecture, cadres[i].OrganizationId, Clerk, Instant(given)));
        }
    }

    /// <summary>
    /// The half-year before this one, ranked from the credits the demo's study records and exams earn in it; two places each.
    /// Where ties leave no 标兵 or no 后进 (the demo's records give whole groups the same credits), a seeded spread of
    /// credits stands in, so the round still shows what a ranking looks like.
    /// </summary>
    private static async Task AddRankingAsync(DangjianDbContext db, DemoPlan plan, DemoOrg township, DateOnly today, Random rnd, CancellationToken ct)
    {
        var (year, half) = today.Month <= 6 ? (today.Year - 1, 2) : (today.Year, 1);
        var period = half == 1 ? new StudyPeriod(new(year, 1, 1), new(year, 6, 30)) : new StudyPeriod(new(year, 7, 1), new(year, 12, 31));
        var people = Subtree(township).SelectMany(o => Leaders(plan, o, period.End)).DistinctBy(p => p.Id).ToList();
        if (people.Count < 4)
        {
            return;
        }

        var ids = people.Select(p => p.Id).ToList();
        var records = (await db.StudyRecords.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var histories = (await db.StudyExamHistories.AsNoTracking().Include(h => h.Exams).Where(h => ids.Contains(h.PersonId)).ToListAsync(ct))
            .GroupBy(h => h.PersonId).ToDictionary(g => g.Key, g => g.First());
        var credits = StudyCredits.Defaults;
        var candidates = people.Select(p => StudyRankingCandidate.Of(p.Id, p.Name, records[p.Id], histories.GetValueOrDefault(p.Id), period, credits)).ToList();
        var round = StudyRankingRound.Propose(township.Entity.Id, year, half, candidates, 2, 2);
        if (!round.Lines.Any(l => l.Proposed == RankingProposal.StudyModel) || !round.Lines.Any(l => l.Proposed == RankingProposal.Laggard))
        {
            // The demo's records are regular by design (whole groups of leaders earn the same), and a tie that does not
            // fit the places is left out whole: the spread stands in so the round shows both designations.
            candidates = [.. candidates.Select(c => c with { Credits = rnd.Next(20, 120), ExamScore = rnd.Next(50, 100) })];
            round = StudyRankingRound.Propose(township.Entity.Id, year, half, candidates, 2, 2);
        }

        foreach (var line in round.Lines.Where(l => l.Decision == RankingProposal.Laggard))
        {
            round.SetRectification(line.PersonId, today.AddMonths(2), "自学后进人员集中学习班", today);
        }

        round.Confirm("镇党委", Instant(today));
        db.StudyRankingRounds.Add(round);
    }

    private static DateTimeOffset Instant(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
