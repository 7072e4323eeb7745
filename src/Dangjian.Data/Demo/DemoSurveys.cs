using Dangjian.Domain.Secrecy;
using Dangjian.Domain.Surveys;

namespace Dangjian.Data.Demo;

/// <summary>
/// One closed questionnaire for the demo (SRV-1, SRV-2): the first township's 群众满意度调查, answered with one-time
/// codes some weeks ago, so its statistics, charts, cross-tab and exports show on a fresh demo start. Its responses
/// are rows of its ballot box exactly as <c>BallotBoxService</c> leaves a closed box (contents only, random receipts,
/// the codes spent, <see cref="CloseBox"/>): nothing pairs a response with a code. Its own seeded <see cref="Random"/>: the same
/// <c>today</c> gives the same answers, and no other demo record changes.
/// </summary>
internal static class DemoSurveys
{
    private const int Seed = DemoGenerator.Seed + 5;
    private const int CodesIssued = 40;
    private const int Responses = 36;

    private static readonly string[] Satisfaction = ["满意", "基本满意", "不满意"];

    private static readonly string[] Improvements = ["办事效率", "联系群众", "党务村务公开", "人居环境整治", "为民办实事"];

    private static readonly string[] Suggestions =
    [
        "希望便民服务中心中午也安排人值班。",
        "村务公开栏更新不够及时，建议每月更新。",
        "党员干部多到田间地头走走，听听老百姓的想法。",
        "农村道路修缮要加快进度。",
        "希望多组织一些针对老年人的健康讲座。",
        "垃圾分类宣传到位了，但收运还不够及时。",
    ];

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var township = plan.Organizations.First(o => o.Level == 1);
        var closedAt = Beijing(today.AddDays(-20), 17);
        var survey = new Survey
        {
            OrganizationId = township.Entity.Id,
            Title = $"{today.Year}年{township.Place}群众满意度调查",
            Description = "请对镇党委和党员干部的工作作出评价。答卷匿名，系统不记录答卷人。",
            Status = SurveyStatus.Closed,
            Access = SurveyAccess.AccessCodes,
            CreatedAt = Beijing(today.AddDays(-36), 9),
            OpenedAt = Beijing(today.AddDays(-34), 9),
            ClosedAt = closedAt,
            ClosesAt = closedAt,
        };
        survey.Questions.Add(new SurveyQuestion { Order = 1, Kind = QuestionKind.SingleChoice, Text = "对镇党委今年工作的总体评价", Required = true, Options = Satisfaction });
        survey.Questions.Add(new SurveyQuestion { Order = 2, Kind = QuestionKind.MultipleChoice, Text = "最希望改进的方面", MaxPicks = 2, Options = Improvements });
        survey.Questions.Add(new SurveyQuestion { Order = 3, Kind = QuestionKind.Rating, Text = "给党员干部的工作作风打分", Required = true, Scale = 5 });
        survey.Questions.Add(new SurveyQuestion { Order = 4, Kind = QuestionKind.Text, Text = "意见和建议" });
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);

        var specs = survey.Specs();
        CloseBox(db, survey, CodesIssued, Responses, rnd, _ =>
        {
            // Mostly satisfied; the less satisfied rate lower and say more often what should change.
            var roll = rnd.NextDouble();
            var verdict = roll < 0.64 ? 0 : roll < 0.92 ? 1 : 2;
            var answers = new Dictionary<int, Answer>
            {
                [specs[0].Id] = Answer.Choice(verdict),
                [specs[2].Id] = Answer.Rated(Math.Clamp(5 - verdict - (rnd.NextDouble() < 0.35 ? 1 : 0), 1, 5)),
            };
            if (verdict > 0 || rnd.NextDouble() < 0.5)
            {
                var first = rnd.Next(Improvements.Length);
                answers[specs[1].Id] = rnd.NextDouble() < 0.5 ? Answer.Choice(first) : Answer.Choice(first, (first + 1 + rnd.Next(Improvements.Length - 1)) % Improvements.Length);
            }

            if (rnd.NextDouble() < 0.25)
            {
                answers[specs[3].Id] = Answer.Written(Suggestions[rnd.Next(Suggestions.Length)]);
            }

            return answers;
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The survey's box as <c>BallotBoxService</c> leaves it once closed: the codes issued and spent counted, each response a
    /// ballot with a random id and receipt and nothing else, in an order that says nothing of who answered when.
    /// </summary>
    public static void CloseBox(DangjianDbContext db, Survey survey, int codesIssued, int responses, Random rnd, Func<int, Dictionary<int, Answer>> respond)
    {
        var specs = survey.Specs();
        db.BallotBoxes.Add(new BallotBox { Key = survey.BoxKey, IsOpen = false, Closed = true, CodesIssued = codesIssued, BallotsCast = responses });
        var receipts = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < responses; i++)
        {
            var answers = respond(i);
            string receipt;
            do
            {
                receipt = new string([.. Enumerable.Range(0, AccessCode.ReceiptLength).Select(_ => AccessCode.Alphabet[rnd.Next(AccessCode.Alphabet.Length)])]);
            }
            while (!receipts.Add(receipt));

            var id = new byte[16];
            rnd.NextBytes(id);
            db.SecretBallots.Add(new SecretBallot { Id = new Guid(id), BoxKey = survey.BoxKey, Content = SurveyAnswers.Write(specs, answers), Receipt = receipt });
        }
    }

    /// <summary>An hour of a day in Beijing, stored as UTC like every instant.</summary>
    public static DateTimeOffset Beijing(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
