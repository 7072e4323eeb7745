using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Tests.Common;

/// <summary>A bar chart's axis fits its data: counts of 4 get a step of 1, not MudBlazor's 20.</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 2)]
    [InlineData(11, 5)]
    [InlineData(25, 5)]
    [InlineData(26, 10)]
    [InlineData(100, 20)]
    [InlineData(2600, 1000)]
    public void Step_KeepsAboutFiveGridLinesUpToTheLargestValue(double max, int step)
    {
        Assert.Equal(step, ChartScale.Step(max));
        Assert.True(max / step <= ChartScale.Lines, "no more than five lines above zero");
    }

    [Fact]
    public void For_CountsOfFour_StepsByOne()
    {
        Assert.Equal(1, ChartScale.For([4, 3, 1]).YAxisTicks);
    }
}
