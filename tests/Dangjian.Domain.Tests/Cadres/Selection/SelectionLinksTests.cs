using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using static Dangjian.Domain.Tests.Cadres.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Cadres.Selection;

public sealed class SelectionLinksTests
{
    [Fact]
    public void DemandRecommendationRound_ARecommendationRound_Accepted_AnElection_Refused()
    {
        SelectionLinks.DemandRecommendationRound(ElectionMode.Recommendation);
        Assert.Equal(("Selection.NotARecommendationRound", "recommendationRoundId"), Pair(Refused(() => SelectionLinks.DemandRecommendationRound(ElectionMode.Formal))));
        Assert.Equal("Selection.NotARecommendationRound", Refused(() => SelectionLinks.DemandRecommendationRound(ElectionMode.Preliminary)).Code);
    }

    [Theory]
    [InlineData("/1/5/9/", "/1/5/9/")]
    [InlineData("/1/5/9/", "/1/5/")]
    [InlineData("/1/5/9/", "/1/")]
    public void DemandAdoptedCadreItem_OwnOrSuperiorsMeeting_Passed_Accepted(string casePath, string meetingPath) =>
        SelectionLinks.DemandAdoptedCadreItem(casePath, meetingPath, ItemCategory.Cadre, ItemOutcome.Passed);

    [Theory]
    [InlineData("/1/5/9/", "/1/6/")]
    [InlineData("/1/5/", "/1/5/9/")]
    [InlineData("/1/5/9/", "/1/5/99/")]
    public void DemandAdoptedCadreItem_AnotherOrSubordinateOrganizationsMeeting_Refused(string casePath, string meetingPath) =>
        Assert.Equal(("Selection.AgendaItemOfOtherOrganization", "agendaItemId"),
            Pair(Refused(() => SelectionLinks.DemandAdoptedCadreItem(casePath, meetingPath, ItemCategory.Cadre, ItemOutcome.Passed))));

    [Theory]
    [InlineData(ItemCategory.Major)]
    [InlineData(ItemCategory.Routine)]
    public void DemandAdoptedCadreItem_NotACadreMatter_Refused(ItemCategory category) =>
        Assert.Equal("Selection.AgendaItemNotCadre", Refused(() => SelectionLinks.DemandAdoptedCadreItem("/1/", "/1/", category, ItemOutcome.Passed)).Code);

    [Theory]
    [InlineData(null)]
    [InlineData(ItemOutcome.Rejected)]
    [InlineData(ItemOutcome.NotDecided)]
    public void DemandAdoptedCadreItem_NotAdopted_Refused(ItemOutcome? outcome) =>
        Assert.Equal("Selection.AgendaItemNotAdopted", Refused(() => SelectionLinks.DemandAdoptedCadreItem("/1/", "/1/", ItemCategory.Cadre, outcome)).Code);
}
