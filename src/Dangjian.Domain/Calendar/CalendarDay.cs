using Dangjian.Domain.Common;

namespace Dangjian.Domain.Calendar;

/// <summary>What a special day of the calendar is.</summary>
public enum CalendarDayKind
{
    /// <summary>放假 — an official public holiday (or a weekday given off with it): not a working day.</summary>
    Holiday = 0,

    /// <summary>调休上班日 — a Saturday or Sunday worked in exchange for a holiday: a working day.</summary>
    MakeUpWorkday = 1,
}

/// <summary>
/// A year the working-day calendar covers, with the notice its holidays come from (国务院办公厅关于 N 年部分节假日安排的通知).
/// A day in a year without a row here is refused by every working-day deadline, never guessed.
/// </summary>
public sealed class CalendarYear : IVersioned
{
    public const int MaxSourceLength = 200;

    /// <summary>The calendar year; also the key.</summary>
    public int Year { get; set; }

    /// <summary>The notice the year's days were taken from.</summary>
    public string Source { get; set; } = string.Empty;

    public int Version { get; set; }
}

/// <summary>One holiday or make-up workday of a covered year. A date appears at most once, so it cannot be both.</summary>
public sealed class CalendarDay : IVersioned
{
    public const int MaxNameLength = 40;

    public int Id { get; set; }

    /// <summary>The <see cref="CalendarYear"/> it belongs to (always <c>Date.Year</c>).</summary>
    public int Year { get; set; }

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to (春节, 国庆节); for a make-up workday the holiday it makes up for.</summary>
    public string Name { get; set; } = string.Empty;

    public int Version { get; set; }
}
