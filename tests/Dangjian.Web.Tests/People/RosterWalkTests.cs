using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;

namespace Dangjian.Web.Tests.People;

/// <summary>ORG-3: which way the roster reads a page, and how far from its nearer end a page lies.</summary>
public sealed class RosterWalkTests
{
    [Theory]
    [InlineData(20, 1_000_000, 1_000_000, 1_000_000, true)] // page 1 of a province
    [InlineData(20, 1_000_000, 50, 50, false)] // a branch of 50 in that province
    [InlineData(20, 300_000, 300_000, 15_000, true)] // a status filter keeping one in twenty
    public void WalkPays_ComparesEntriesPassedWithPeopleSorted(long need, long everyone, long inScope, long total, bool walks) =>
        Assert.Equal(walks, PeopleQueries.WalkPays(need, everyone, inScope, total));

    [Fact]
    public void WalkPays_AtEqualCost_Sorts_AndOneEntryFewer_Walks()
    {
        // 20 × 1,000 = 20,000 entries walked against 100 × 200 = 20,000 people sorted: a tie sorts.
        Assert.False(PeopleQueries.WalkPays(20, 1_000, 100, 200));
        Assert.True(PeopleQueries.WalkPays(20, 999, 100, 200));
    }

    [Theory]
    [InlineData(1, 20, 100, 20, false)] // first page: 20 rows up to its far edge from the start
    [InlineData(3, 20, 100, 60, false)] // the middle page: 40 before it, 40 after it, read from the start
    [InlineData(4, 20, 100, 40, true)] // past the middle: 60 before it, 20 after it, read from the end
    [InlineData(5, 20, 100, 20, true)] // last page
    [InlineData(6, 20, 101, 1, true)] // a last page of one row
    public void Need_CountsFromThePagesNearerEnd(int page, int size, long total, long need, bool nearerEnd)
    {
        var window = new PageWindow(page, size);
        Assert.Equal(nearerEnd, window.NearerEnd(total));
        Assert.Equal(need, window.Need(total));
    }
}
