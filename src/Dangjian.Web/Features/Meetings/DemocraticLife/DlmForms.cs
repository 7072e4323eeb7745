using System.Globalization;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>Figures as the democratic life pages show them (days are <see cref="Domain.Common.DateText"/>'s, instants <see cref="Common.OrgClock"/>'s).</summary>
public static class DlmForms
{
    /// <summary>"3 / 4（75%）", or a dash when no problem was found.</summary>
    public static string Quality(QualityView q, string none) =>
        q.Percent is { } p ? $"{q.Resolved} / {q.Problems}" + Punctuation.Parenthesized(p.ToString("0.#", CultureInfo.InvariantCulture) + "%") : none;
}
