using BenchmarkDotNet.Attributes;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Meetings;

namespace Dangjian.Bench;

/// <summary>
/// Micro-benchmarks of the decision rules (MTG-2, MTG-3, MTG-6, MTG-7): working days over a year of the shipped calendar (what every
/// notice and deadline check runs), one item decided, and the whole `dangjian decision check` contract in and out.
/// </summary>
[MemoryDiagnoser]
public class MeetingBenchmarks
{
    private const string Example = """
        {"category":"major","members":["张伟","王芳","李娜","刘洋","陈静","杨帆","赵磊"],"secretary":"张伟","inCharge":"李娜",
         "present":["张伟","王芳","李娜","刘洋","陈静"],"votes":{"for":4,"against":1,"abstain":0},"secretaryView":"against",
         "noticeDate":"2026-09-28","meetingDate":"2026-10-09","emergency":false}
        """;

    private readonly HolidayCalendar _calendar = HolidayCalendar.Shipped;
    private readonly string _json = Example;
    private readonly ItemFacts _facts = new(ItemCategory.Major, 7, 5, true, new VoteCounts(4, 1, 0), VoteChoice.Against);

    [Benchmark]
    public int WorkingDaysOfAYear() => _calendar.WorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));

    [Benchmark]
    public NoticeCheck NoticeAcrossNationalDay() => NoticeRule.Check(_calendar, new DateOnly(2026, 9, 28), new DateOnly(2026, 10, 9), emergency: false);

    [Benchmark]
    public ItemDecisionResult DecideAnItem() => ItemDecision.Decide(_facts);

    [Benchmark]
    public string DecisionCheckContract()
    {
        var (input, _) = DecisionCheckJson.Parse(_json);
        return DecisionCheckJson.Write(DecisionCheckJson.Check(input!));
    }
}
