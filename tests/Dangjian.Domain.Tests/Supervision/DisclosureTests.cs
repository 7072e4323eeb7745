using Dangjian.Domain.Supervision;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Supervision;

/// <summary>SUP-4: 三务公开 — items with their publish days, the archive by quarter, and who has not published in a quarter.</summary>
public sealed class DisclosureTests
{
    private static readonly DateOnly Today = D("2027-12-31");

    private static Disclosure Item(int organization, string on, DisclosureCategory category = DisclosureCategory.Finance, int id = 0)
    {
        var item = Disclosure.Publish(organization, category, "一季度财务收支", "收入…支出…", D(on), Today);
        item.Id = id;
        return item;
    }

    [Theory]
    [InlineData("2027-01-01", 1)]
    [InlineData("2027-03-31", 1)]
    [InlineData("2027-04-01", 2)]
    [InlineData("2027-06-30", 2)]
    [InlineData("2027-07-01", 3)]
    [InlineData("2027-09-30", 3)]
    [InlineData("2027-10-01", 4)]
    [InlineData("2027-12-31", 4)]
    public void Quarter_Of_TheBoundaryDays(string day, int quarter)
    {
        Assert.Equal(new DisclosureQuarter(2027, quarter), DisclosureQuarter.Of(D(day)));
    }

    [Fact]
    public void Quarter_FirstAndLastDay()
    {
        Assert.Equal((D("2027-01-01"), D("2027-03-31")), (new DisclosureQuarter(2027, 1).FirstDay, new DisclosureQuarter(2027, 1).LastDay));
        Assert.Equal((D("2028-10-01"), D("2028-12-31")), (new DisclosureQuarter(2028, 4).FirstDay, new DisclosureQuarter(2028, 4).LastDay));
    }

    [Fact]
    public void NotPublished_AnItemOnMarch31_CountsForTheFirstQuarter_OneOnApril1_ForTheSecond()
    {
        Disclosure[] items = [Item(1, "2027-03-31"), Item(2, "2027-04-01")];

        Assert.Equal([2, 3], Disclosures.NotPublished([1, 2, 3], items, new(2027, 1)));
        Assert.Equal([1, 3], Disclosures.NotPublished([1, 2, 3], items, new(2027, 2)));
    }

    [Fact]
    public void NotPublished_TheSameQuarterOfAnotherYear_DoesNotCount_EachOrganizationOnce()
    {
        Disclosure[] items = [Item(1, "2026-02-01")];

        Assert.Equal([1, 2], Disclosures.NotPublished([1, 2, 1], items, new(2027, 1)));
    }

    [Fact]
    public void NotPublished_OfACategory_OnlyThatKindCounts()
    {
        Disclosure[] items = [Item(1, "2027-05-01", DisclosureCategory.Finance), Item(2, "2027-05-01", DisclosureCategory.PartyAffairs)];

        Assert.Equal([2], Disclosures.NotPublished([1, 2], items, new(2027, 2), DisclosureCategory.Finance));
        Assert.Equal([1], Disclosures.NotPublished([1, 2], items, new(2027, 2), DisclosureCategory.PartyAffairs));
        Assert.Empty(Disclosures.NotPublished([1, 2], items, new(2027, 2)));
    }

    [Fact]
    public void Archive_ByQuarter_LatestFirst_NewestItemFirst()
    {
        var a = Item(1, "2027-03-31", id: 1);
        var b = Item(1, "2027-01-05", id: 2);
        var c = Item(1, "2027-04-01", id: 3);
        var d = Item(1, "2026-12-31", id: 4);

        var archive = Disclosures.Archive([b, d, a, c]);

        Assert.Equal([new(2027, 2), new(2027, 1), new(2026, 4)], archive.Select(q => q.Quarter));
        Assert.Equal([[3], [1, 2], [4]], archive.Select(q => q.Items.Select(i => i.Id).ToArray()));
    }

    [Fact]
    public void Publish_Today_Accepted_Tomorrow_Refused_AndEveryFieldNamed()
    {
        Assert.Equal(Today, Item(1, "2027-12-31").PublishedOn);
        Assert.Equal(("Supervision.InFuture", "publishedOn"), Pair(Refused(() => Item(1, "2028-01-01"))));
        Assert.Equal(("Input.Required", "title"), Pair(Refused(() => Disclosure.Publish(1, DisclosureCategory.Finance, " ", "x", Today, Today))));
        Assert.Equal(("Input.Required", "content"), Pair(Refused(() => Disclosure.Publish(1, DisclosureCategory.Finance, "x", "", Today, Today))));
        Assert.Equal(("Input.Required", "organizationId"), Pair(Refused(() => Disclosure.Publish(0, DisclosureCategory.Finance, "x", "y", Today, Today))));
        Assert.Equal(("Input.Invalid", "category"), Pair(Refused(() => Disclosure.Publish(1, (DisclosureCategory)3, "x", "y", Today, Today))));
    }

    [Theory]
    [InlineData(2027, 1, true)]
    [InlineData(2027, 4, true)]
    [InlineData(2027, 0, false)]
    [InlineData(2027, 5, false)]
    [InlineData(1899, 4, false)]
    [InlineData(1900, 1, true)]
    [InlineData(2199, 4, true)]
    [InlineData(2200, 1, false)]
    public void Quarter_Demand_OneToFour_OfASaneYear(int year, int number, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(new DisclosureQuarter(year, number), DisclosureQuarter.Demand(year, number));
        }
        else
        {
            Assert.Equal(("Input.Invalid", "quarter"), Pair(Refused(() => DisclosureQuarter.Demand(year, number))));
        }
    }
}
