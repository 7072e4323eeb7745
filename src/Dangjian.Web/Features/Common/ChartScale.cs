namespace Dangjian.Web.Features.Common;

/// <summary>
/// The vertical axis of a bar chart fitted to its data. MudBlazor draws a grid line every 20 by default, so 4 votes sit
/// at the foot of a 0–20 scale; here the step is the smallest round number (1, 2, 5 × a power of ten) that keeps about
/// five grid lines up to the largest value.
/// </summary>
public static class ChartScale
{
    /// <summary>The most grid lines a chart gets above zero.</summary>
    public const int Lines = 5;

    /// <summary>Axis options for bars whose highest value is among <paramref name="heights"/>.</summary>
    public static MudBlazor.BarChartOptions For(IEnumerable<double> heights) => Fitted<MudBlazor.BarChartOptions>(heights);

    /// <summary>Axis options for stacked bars whose highest column total is among <paramref name="totals"/>.</summary>
    public static MudBlazor.StackedBarChartOptions ForStacked(IEnumerable<double> totals) => Fitted<MudBlazor.StackedBarChartOptions>(totals);

    private static T Fitted<T>(IEnumerable<double> heights)
        where T : MudBlazor.Charts.DefaultAxisChartOptions, new() =>
        new() { YAxisTicks = Step(heights.DefaultIfEmpty(0).Max()), YAxisFormat = "0.##" };

    /// <summary>The step between grid lines for a largest value of <paramref name="max"/>: 4 → 1, 12 → 5, 100 → 20, 2600 → 1000.</summary>
    public static int Step(double max)
    {
        if (max <= Lines)
        {
            return 1;
        }

        var raw = max / Lines;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var factor = raw <= power ? 1 : raw <= 2 * power ? 2 : raw <= 5 * power ? 5 : 10;
        return (int)Math.Max(1, factor * power);
    }
}
