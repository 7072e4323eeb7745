using System.Globalization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

public enum MinutesStatus
{
    Draft,

    /// <summary>Signed and locked; its number is fixed.</summary>
    SignedOff,

    /// <summary>A later revision replaced it; still shown.</summary>
    Superseded,
}

/// <summary>
/// 纪要 (MTG-8): numbered per organization per calendar year in an independent sequence (seed 000 二: 形成专门纪要，按独立
/// 序列实行年度编号), given the number when signed, and locked then. A correction is a new revision with the same number;
/// the old one stays visible as superseded.
/// </summary>
public sealed class MeetingMinutes : IVersioned
{
    public const int MaxTextLength = 20000;

    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>The year of the sequence: the meeting's year.</summary>
    public int Year { get; set; }

    /// <summary>The number in the organization's sequence for the year; set when first signed.</summary>
    public int? Number { get; set; }

    /// <summary>1 for the first text; each correction adds one.</summary>
    public int Revision { get; set; } = 1;

    public required string Text { get; set; }

    public MinutesStatus Status { get; set; }

    public string? SignedBy { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    public string? CorrectionReason { get; set; }

    public int Version { get; set; }

    public string? Display => Number is { } n ? MinutesNumber.Format(Year, n) : null;
}

public static class MinutesNumber
{
    /// <summary>〔2026〕3号.</summary>
    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"〔{year}〕{number}号");
}
