using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;

namespace Dangjian.Data.Demo;

/// <summary>
/// The half-yearly closed-book exam (STU-3, seed 000 一 三 成绩考核) for the Party members of the sample township's
/// branches: everyone passed the last sitting except two members of the sample branch — one failed and owes the
/// make-up, one failed the make-up as well and is suspended for study (停职学习). Recorded through the history's own
/// state machine, as the exam page would.
/// </summary>
internal static class DemoStudyExams
{
    private const int Seed = 2019; // 《2019—2023年全国党员教育培训工作规划》
    private const string By = "demo";

    /// <summary>The last sitting: 20 June or 20 December, at least three weeks before <paramref name="today"/> so a make-up fits after it.</summary>
    public static DateOnly Sitting(DateOnly today)
    {
        var latest = today.AddDays(-21);
        var december = new DateOnly(latest.Year, 12, 20);
        var june = new DateOnly(latest.Year, 6, 20);
        return latest >= december ? december : latest >= june ? june : new DateOnly(latest.Year - 1, 12, 20);
    }

    /// <summary>The member who owes a make-up, and the one suspended: the sample branch's first full members after the secretary, the sample member and the dues' flagged member.</summary>
    public static (Person MakeUpDue, Person Suspended) Failing(DemoPlan plan)
    {
        var flagged = DemoDues.Flagged(plan);
        var pick = plan.SampleBranch.Roll
            .Where(p => p.Status == MemberStatus.Full && !p.IsRemoved && p.Id != plan.SampleMember.Id && p.Id != plan.SampleSecretary.Id && p.Id != flagged.Id)
            .Take(2).ToList();
        return (pick[0], pick[1]);
    }

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var rules = StudyExamRules.Defaults;
        var sitting = Sitting(today);
        var (makeUpDue, suspended) = Failing(plan);
        var township = plan.SampleBranch.Parent!;
        foreach (var branch in township.Children.Where(o => o.Entity.Kind == OrganizationKind.Branch))
        {
            foreach (var person in branch.Roll.Where(p => p.Status.IsMember() && !p.IsRemoved))
            {
                var history = new StudyExamHistory { PersonId = person.Id, OrganizationId = branch.Entity.Id };
                var now = new DateTimeOffset(sitting.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
                if (person.Id == makeUpDue.Id || person.Id == suspended.Id)
                {
                    history.Record(sitting, ExamKind.Regular, rnd.Next(40, 60), rules, By, now, today);
                    if (person.Id == suspended.Id)
                    {
                        var makeUp = sitting.AddDays(14);
                        history.Record(makeUp, ExamKind.MakeUp, rnd.Next(40, 60), rules, By, now.AddDays(14), today);
                    }
                }
                else
                {
                    history.Record(sitting, ExamKind.Regular, rnd.Next(60, 101), rules, By, now, today);
                }

                db.StudyExamHistories.Add(history);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
