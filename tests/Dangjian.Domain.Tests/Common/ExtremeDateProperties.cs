using System.Globalization;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Audit;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Surveys;
using Dangjian.Domain.Teams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dangjian.Domain.Tests.Common;

/// <summary>
/// No Domain rule that takes a date throws on an extreme one (DateOnly.MinValue and MaxValue, 9982 and on — where adding
/// 18 years leaves DateOnly — year 1, the days just outside <see cref="SaneDates"/>): it answers, or refuses with the
/// Domain's validation result (<see cref="DomainRuleException"/>, or <see cref="CalendarYearMissingException"/> for a day
/// the holiday calendar does not hold). An ArgumentOutOfRangeException or any other crash fails the property.
/// </summary>
public sealed class ExtremeDateProperties
{
    private static readonly DateOnly[] Edges =
    [
        DateOnly.MinValue, DateOnly.MaxValue, new(9982, 1, 1), new(9981, 12, 31), new(9999, 12, 1), new(9999, 10, 1), new(1, 12, 31),
        new(1899, 12, 31), SaneDates.MinDay, SaneDates.MaxDay, new(2200, 1, 1), new(2026, 3, 15),
    ];

    private static readonly DateTimeOffset[] InstantEdges =
    [
        DateTimeOffset.MinValue, DateTimeOffset.MaxValue, SaneDates.MinInstant, SaneDates.MaxInstant,
        new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), new(1, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)), new(2026, 3, 15, 8, 0, 0, TimeSpan.Zero),
    ];

    /// <summary>Mostly the edges, sometimes any day DateOnly holds.</summary>
    private static Gen<DateOnly> Day() =>
        Gen.Frequency((3, Gen.Elements(Edges)), (1, Gen.Choose(0, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber)));

    private static Arbitrary<DateOnly[]> Days(int n) => Gen.ArrayOf(Day(), n).ToArbitrary();

    private static Arbitrary<DateTimeOffset[]> Instants(int n) => Gen.ArrayOf(Gen.Elements(InstantEdges), n).ToArbitrary();

    /// <summary>True when the rule answered or refused as the Domain refuses; false on any other exception.</summary>
    private static bool Survives(Action rule)
    {
        try
        {
            rule();
            return true;
        }
        catch (Exception e) when (e is DomainRuleException or CalendarYearMissingException)
        {
            return true;
        }
    }

    [Property(MaxTest = 300)]
    public Property TermRules_ExtremeDays_NeverThrowOutsideTheRules() =>
        Prop.ForAll(Days(4), Gen.Choose(0, 1200).ToArbitrary(), (d, months) =>
            Survives(() => TermRules.EnsureValid(new TermSpan(0, 2, d[0], d[1]), [new TermSpan(1, 1, d[2], d[3])]))
            && Survives(() => TermRules.ExpiryState(d[0], d[1], months))
            && Survives(() => new LeadershipTeam { StartsOn = d[0], EndsOn = d[1] }.IsCurrentOn(d[2])));

    [Property(MaxTest = 300)]
    public Property MeetingPeriods_ExtremeDays_NeverThrow() =>
        Prop.ForAll(Days(1), d => Enum.GetValues<MeetingFrequency>().All(f =>
            Survives(() => MeetingPeriod.Of(d[0], f).Next())
            && Survives(() => MeetingPeriod.Of(d[0], f).Previous())
            && Survives(() => MeetingPeriod.OfYear(d[0].Year, f))));

    [Property(MaxTest = 300)]
    public Property Compliance_ExtremeDays_NeverThrowOutsideTheRules() =>
        Prop.ForAll(Days(4), d => Enum.GetValues<MeetingFrequency>().All(f =>
            Survives(() => ComplianceCheck.Evaluate(new ComplianceRequirement(MeetingType.CommitteeMeeting, f), [d[0], d[1]], d[1].Year, d[1], d[2], d[3]))
            && Survives(() => ComplianceCheck.Evaluate(new ComplianceRequirement(MeetingType.CommitteeMeeting, f), [], d[0].Year, d[1]))));

    [Property(MaxTest = 200)]
    public Property WorkingDaysAndNotice_ExtremeDays_NeverThrowOutsideTheRules() =>
        Prop.ForAll(Days(2), d =>
        {
            // A calendar that holds both years (as an import could make it), and the shipped one.
            var both = CalendarRules.Build([d[0].Year, d[1].Year], [(d[0], CalendarDayKind.Holiday)]);
            var near = d[0].DayNumber <= d[1].DayNumber && d[1].DayNumber - d[0].DayNumber <= 800;
            return Survives(() => HolidayCalendar.Shipped.IsWorkingDay(d[0]))
                && Survives(() => HolidayCalendar.Shipped.WorkingDays(d[0], d[1]))
                && Survives(() => NoticeRule.Check(HolidayCalendar.Shipped, d[0], d[1], emergency: false))
                && (!near || Survives(() => NoticeRule.Check(both, d[0], d[1], emergency: true)))
                && Survives(() => both.WorkingDays(d[1], d[1].DayNumber == DateOnly.MaxValue.DayNumber ? d[1] : d[1].AddDays(1)));
        });

    [Property(MaxTest = 300)]
    public Property IdNumber_ExtremeBirthAndToday_NeverThrow() =>
        Prop.ForAll(Days(2), d =>
        {
            var first17 = "110105" + d[0].ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "123";
            var id = first17 + IdNumber.CheckCharacter(first17);
            return Survives(() => IdNumber.Validate(id, d[1])) && Survives(() => IdNumber.BirthDateOf(id));
        });

    [Property(MaxTest = 300)]
    public Property DemocraticLife_ExtremeDays_NeverThrowOutsideTheRules() =>
        Prop.ForAll(Days(3), Instants(1), (d, at) =>
        {
            DemocraticLifeMeeting Ready()
            {
                var m = new DemocraticLifeMeeting { Year = 2026, Theme = "主题", PlannedDate = d[0] };
                foreach (var item in Enum.GetValues<PreparationItem>())
                {
                    m.Confirm(item, true, "审核人", at[0]);
                }

                return m;
            }

            return Survives(() => Ready().MarkHeld(d[1], d[2]))
                && Survives(() => Ready().Postpone(d[1], "准备不充分", d[2]))
                && Survives(() => Ready().Reschedule(d[1].Year, "主题", d[1]))
                && Survives(() => new DemocraticLifeRectification { Deadline = d[0] }.IsOverdueOn(d[1]))
                && Survives(() => new DemocraticLifeRectification { Deadline = d[0] }.Complete(d[1], "佐证材料", d[2]));
        });

    [Property(MaxTest = 300)]
    public Property Minutes_ExtremeDays_NeverThrowOutsideTheRules() =>
        Prop.ForAll(Days(1), Instants(1), (d, at) =>
            Survives(() => MinutesRevisions.Sign(MinutesRevisions.FirstDraft(1, 1, d[0], "纪要正文"), null, d[0], 1, "书记", at[0])));

    [Property(MaxTest = 300)]
    public Property OrganizationsAndElections_ExtremeDays_NeverThrowOutsideTheRules() =>
        Prop.ForAll(Days(2), d =>
            Survives(() => OrganizationTree.Dissolve(new Organization { Id = 2, ParentId = 1, Path = "/1/2/", Status = OrganizationStatus.Active }, 0, 0, d[0]))
            && Survives(() => SelectionPipeline.Refusal([(SelectionStage.Conditions, d[0])], SelectionStage.SignUp, d[1])));

    [Property(MaxTest = 200)]
    public Property Instants_Extreme_NeverThrow() =>
        Prop.ForAll(Instants(2), at =>
            Survives(() => new Survey { ClosesAt = at[0], Quota = 1 }.IsPastClosing(at[1]))
            && Survives(() => new Survey { ClosesAt = at[0], Quota = 1 }.AcceptsAnswers(at[1], 0))
            && Survives(() => new Survey { ClosesAt = at[0], Quota = 1 }.IsDueToClose(at[1], 0))
            && Survives(() => new ApiToken { ExpiresAt = at[0] }.IsUsableAt(at[1]))
            && Survives(() => AuditChain.TruncateToMilliseconds(at[0])));

    [Property(MaxTest = 300)]
    public Property Calendar_ExtremeDays_NeverThrowOutsideTheRules() =>
        Prop.ForAll(Days(2), d =>
        {
            var from = d[0];
            var to = d[0].DayNumber > DateOnly.MaxValue.DayNumber - 3 ? DateOnly.MaxValue : d[0].AddDays(3);
            var json = $$"""
                {"year": {{from.Year}}, "source": "国办发明电", "holidays": [{"name": "节日", "from": "{{Day(from)}}", "to": "{{Day(to)}}"}], "workdays": ["{{Day(d[1])}}"]}
                """;
            return Survives(() => CalendarYearJson.Read(json))
                && Survives(() => CalendarRules.CheckDay(d[0], CalendarDayKind.MakeUpWorkday, "调休", true, new Dictionary<DateOnly, CalendarDayKind>()))
                && Survives(() => CalendarRules.CheckYear(new CalendarYearDraft(d[0].Year, "来源", [new("holidays[0]", d[1], CalendarDayKind.Holiday, "节日")])));
        });

    [Property(MaxTest = 300)]
    public Property SaneDates_ClampedArithmetic_NeverThrows_AndStaysInDateOnly() =>
        Prop.ForAll(Days(1), Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary(), (d, n) =>
            Survives(() => SaneDates.AddMonthsClamped(d[0], n))
            && Survives(() => SaneDates.AddYearsClamped(d[0], n))
            && Survives(() => SaneDates.AddDaysClamped(d[0], n)));

    [Fact]
    public void SaneDates_Boundaries_OneDayEachSide()
    {
        Assert.True(SaneDates.Contains(SaneDates.MinDay));
        Assert.True(SaneDates.Contains(SaneDates.MaxDay));
        Assert.False(SaneDates.Contains(SaneDates.MinDay.AddDays(-1)));
        Assert.False(SaneDates.Contains(SaneDates.MaxDay.AddDays(1)));
        Assert.True(SaneDates.Contains(SaneDates.MinInstant));
        Assert.True(SaneDates.Contains(SaneDates.MaxInstant));
        Assert.False(SaneDates.Contains(SaneDates.MinInstant.AddTicks(-1)));
        Assert.False(SaneDates.Contains(SaneDates.MaxInstant.AddTicks(1)));
        Assert.False(SaneDates.Contains(DateTime.MaxValue));
        Assert.True(SaneDates.Contains(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }

    [Fact]
    public void SaneDates_ClampedArithmetic_SaturatesAtTheEndsOfDateOnly()
    {
        Assert.Equal(DateOnly.MaxValue, SaneDates.AddYearsClamped(new DateOnly(9982, 1, 1), 18));
        Assert.Equal(new DateOnly(9999, 1, 1), SaneDates.AddYearsClamped(new DateOnly(9981, 1, 1), 18));
        Assert.Equal(DateOnly.MinValue, SaneDates.AddMonthsClamped(new DateOnly(1, 2, 1), -2));
        Assert.Equal(new DateOnly(2026, 2, 28), SaneDates.AddMonthsClamped(new DateOnly(2025, 11, 30), 3));
        Assert.Equal(DateOnly.MaxValue, SaneDates.AddDaysClamped(DateOnly.MaxValue, 1));
        Assert.Equal(new DateOnly(2026, 1, 1), SaneDates.AddDaysClamped(new DateOnly(2025, 12, 31), 1));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
