using System.Globalization;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>Instants and figures as the democratic life pages show them (days are <see cref="Domain.Common.DateText"/>'s).</summary>
public static class DlmForms
{
    public static string Format(DateTimeOffset? t) =>
        t is { } v ? v.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>"3 / 4（75%）", or a dash when no problem was found.</summary>
    public static string Quality(QualityView q, string none) =>
        q.Percent is { } p ? $"{q.Resolved} / {q.Problems}" + Punctuation.Parenthesized(p.ToString("0.#", CultureInfo.InvariantCulture) + "%") : none;
}
