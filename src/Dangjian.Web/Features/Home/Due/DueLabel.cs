using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Home.Due;

/// <summary>The words of a due line (HomeText), with the election stage where the line has one.</summary>
public static class DueLabel
{
    public static string Of(IStringLocalizer<HomeText> text, EnumLabels labels, DueItem item)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(item);
        return item.Stage is { } stage ? text[item.Key, labels.Of(stage)] : text[item.Key];
    }

    /// <summary>A key unique on the list: the resource name, and the stage of an election line ("Due.Elections.Nomination").</summary>
    public static string KeyOf(DueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Stage is { } stage ? $"{item.Key}.{stage}" : item.Key;
    }
}
