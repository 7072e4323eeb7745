using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dangjian.Web.Features.Common;

/// <summary>MudBlazor's own messages (MudText.resx): a required field, a number it cannot read, its table's pager.</summary>
public sealed class MudText;

/// <summary>
/// Gives MudBlazor its messages in the page's language. MudBlazor ships only English; without this a Chinese page shows
/// "Required" under an empty required field. A key missing here falls back to MudBlazor's English.
/// </summary>
public sealed class MudTextLocalizer(IStringLocalizer<MudText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}
