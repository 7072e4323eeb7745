using Dangjian.Domain.Common;

namespace Dangjian.Domain.ThemeEducation;

/// <summary>
/// One organization's report that it carried out one required activity: the day, a note, and for a problem list the
/// problems found, for a rectification the measures done (one short line each). One per organization and activity; a
/// second report corrects the first (<see cref="ThemeCampaign.Report"/>).
/// </summary>
public sealed class ActivityReport : IVersioned
{
    public const int MaxNoteLength = 1000;
    public const int MaxLineLength = 200;
    public const int MaxLines = 30;

    /// <summary>Stored lines joined by '\n': at most <see cref="MaxLines"/> lines of <see cref="MaxLineLength"/>.</summary>
    public const int MaxItemsLength = MaxLines * (MaxLineLength + 1);

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int ActivityId { get; set; }

    public int OrganizationId { get; set; }

    public DateOnly DoneOn { get; set; }

    public string? Note { get; set; }

    /// <summary>The problems found or the measures done, one a line.</summary>
    public string Items { get; set; } = string.Empty;

    public int ItemCount { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> Lines => Items.Length == 0 ? [] : Items.Split('\n');

    /// <summary>
    /// The lines of a report, trimmed, blanks dropped: a problem list must name a problem and a rectification a measure
    /// (查问题 … 促整改: the problems found are what the rectification answers); other kinds may list lines too.
    /// </summary>
    public static IReadOnlyList<string> CheckLines(RequiredActivityKind kind, IReadOnlyList<string>? lines)
    {
        var kept = (lines ?? []).SelectMany(l => (l ?? string.Empty).Split('\n')).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();
        if (kept.Count == 0 && kind is RequiredActivityKind.ProblemList or RequiredActivityKind.Rectification)
        {
            throw new DomainRuleException(kind == RequiredActivityKind.ProblemList ? "ThemeEducation.ProblemsRequired" : "ThemeEducation.MeasuresRequired", "lines");
        }

        if (kept.Count > MaxLines)
        {
            throw new DomainRuleException("ThemeEducation.TooManyLines", "lines", MaxLines);
        }

        if (kept.FirstOrDefault(l => l.Length > MaxLineLength) is not null)
        {
            throw new DomainRuleException("Input.TooLong", "lines", "Field.ThemeEducation.Lines", MaxLineLength);
        }

        return kept;
    }
}
