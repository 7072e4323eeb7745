using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Cadres.ReserveCadreTests;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>CAD-1: the reserve pool's counts by post type, age band, education and field of work on a day.</summary>
public sealed class ReservePoolViewsTests
{
    private static ReserveCadreFacts Facts(int person, string type, string? birth, string? education, string enteredOn = "2025-01-10", string? field = null)
    {
        var e = ReserveCadre.Enter(person, 1, "副科级", type, ReserveSource.OrganizationRecommendation, D(enteredOn), null, [], Today, field);
        return new(e, birth is null ? null : D(birth), education);
    }

    [Theory]
    [InlineData("1990-06-30", 1)] // 36 on the day: 36–40
    [InlineData("1990-07-01", 0)] // 35 until tomorrow: 35 and under
    public void AgeBand_TheBirthdayMovesAPersonIntoTheNextBand(string birth, int band)
    {
        var view = ReservePoolViews.On([Facts(1, "党政正职", birth, "大学")], AgeBands.Defaults, D("2026-06-30"));

        Assert.Equal(1, view.ByAgeBand[band].Count);
        Assert.Equal(1, view.ByAgeBand.Sum(b => b.Count));
    }

    [Fact]
    public void Views_CountOnlyThoseInThePoolOnTheDay_EveryBandShown()
    {
        var left = Facts(4, "党政正职", "1970-01-01", "研究生");
        left.Entry.Leave(D("2026-03-01"), "提拔任用", Today);
        var later = Facts(5, "党政正职", "1970-01-01", "研究生", enteredOn: "2026-06-30");
        var view = ReservePoolViews.On(
            [Facts(1, "党政正职", "1995-01-01", "大学"), Facts(2, "党政副职", "1984-05-05", "研究生"), Facts(3, "党政正职", null, " 大学 "), left, later],
            AgeBands.Defaults,
            D("2026-06-29"));

        Assert.Equal(3, view.Total);
        Assert.Equal([new PoolCount("党政正职", 2), new PoolCount("党政副职", 1)], view.ByPostType);
        Assert.Equal([new PoolCount("大学", 2), new PoolCount("研究生", 1)], view.ByEducation);
        Assert.Equal(
            [new AgeBandCount(null, 35, 1), new AgeBandCount(36, 40, 0), new AgeBandCount(41, 45, 1), new AgeBandCount(46, 50, 0), new AgeBandCount(51, null, 0)],
            view.ByAgeBand);
        Assert.Equal(1, view.AgeUnknown);
    }

    [Fact]
    public void Views_NoEducationRecorded_IsCountedUnderTheEmptyKey()
    {
        var view = ReservePoolViews.On([Facts(1, "党政正职", "1995-01-01", null)], AgeBands.Defaults, Today);

        Assert.Equal([new PoolCount(string.Empty, 1)], view.ByEducation);
    }

    [Fact]
    public void Views_ByField_CountsThoseInThePool_UnrecordedUnderTheEmptyKey()
    {
        var left = Facts(4, "党政正职", null, null, field: "政法");
        left.Entry.Leave(D("2026-03-01"), "提拔任用", Today);
        var view = ReservePoolViews.On(
            [Facts(1, "党政正职", null, null, field: "农业农村"), Facts(2, "党政副职", null, null, field: " 农业农村 "), Facts(3, "党政副职", null, null, field: "经济管理"), Facts(5, "党政副职", null, null), left],
            AgeBands.Defaults,
            D("2026-06-29"));

        Assert.Equal([new PoolCount("农业农村", 2), new PoolCount(string.Empty, 1), new PoolCount("经济管理", 1)], view.ByField);
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Enter_AFieldOfWork_UpToItsLength(int length, bool accepted)
    {
        var field = new string('农', length);
        var enter = () => ReserveCadre.Enter(1, 1, "副科级", "党政副职", ReserveSource.PublicSelection, D("2025-01-10"), null, [], Today, field);
        if (accepted)
        {
            Assert.Equal(field, enter().Field);
        }
        else
        {
            Assert.Equal(("Input.TooLong", "field"), (Assert.Throws<DomainRuleException>(enter).Code, Assert.Throws<DomainRuleException>(enter).Field));
        }
    }

    [Theory]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    [InlineData("2000-02-29", "2028-02-29", 28)]
    public void AgeOn_ALeapDayBirth_TurnsOlderOnTheFirstOfMarchInACommonYear(string birth, string asOf, int age) =>
        Assert.Equal(age, AgeBands.AgeOn(D(birth), D(asOf)));

    [Theory]
    [InlineData(new int[0], "Input.Required", "limits")]
    [InlineData(new[] { 36, 36 }, "Cadre.AgeLimitsOrder", "limits[1]")]
    [InlineData(new[] { 0, 36 }, "Input.OutOfRange", "limits[0]")]
    [InlineData(new[] { 36, 151 }, "Input.OutOfRange", "limits[1]")]
    public void AgeBands_Demand_RefusesEmptyUnorderedOrOutOfRangeLimits(int[] limits, string code, string field)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new AgeBands(limits).Demand());

        Assert.Equal((code, field), (ex.Code, ex.Field));
    }

    [Fact]
    public void AgeBands_Defaults_PassTheirOwnCheck() => AgeBands.Defaults.Demand();

    [Fact]
    public void AgeBands_Demand_AcceptsTheEndsOfTheRange() => new AgeBands([1, 150]).Demand();
}
