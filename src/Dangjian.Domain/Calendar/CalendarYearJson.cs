using System.Text.Json;

namespace Dangjian.Domain.Calendar;

/// <summary>A year entry read from JSON: the draft (null when not even the year could be read) and every problem found.</summary>
public sealed record CalendarYearRead(CalendarYearDraft? Draft, IReadOnlyList<CalendarProblem> Problems)
{
    public bool Succeeded => Draft is not null && Problems.Count == 0;
}

/// <summary>
/// The JSON shape of one year of the calendar, as in the shipped <c>ChinaHolidays.json</c> and as a district admin
/// imports a new year:
/// <code>
/// { "year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知",
///   "holidays": [ { "name": "春节", "from": "2027-02-06", "to": "2027-02-13" } ],
///   "workdays": [ "2027-02-14", { "date": "2027-02-20", "name": "春节" } ] }
/// </code>
/// A holiday is a run of days from <c>from</c> to <c>to</c>, both included; a make-up workday is a date, or an object
/// with the date and the holiday it makes up for. Every entry is checked (<see cref="CalendarRules.CheckYear"/>) and
/// every problem reported under the entry's field, so a file is fixed in one go.
/// </summary>
public static class CalendarYearJson
{
    public static CalendarYearRead Read(JsonElement entry)
    {
        var problems = new List<CalendarProblem>();
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return new CalendarYearRead(null, [new CalendarProblem("body", "Input.Invalid", "Field.Calendar.Year")]);
        }

        int? year = entry.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var n) ? n : null;
        if (year is null)
        {
            problems.Add(new CalendarProblem("year", "Input.Required", "Field.Calendar.Year"));
        }

        var source = entry.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()!.Trim() : string.Empty;
        var days = new List<CalendarDayDraft>();

        if (entry.TryGetProperty("holidays", out var holidays) && holidays.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var h in holidays.EnumerateArray())
            {
                ReadHoliday(h, $"holidays[{i++}]", days, problems);
            }
        }
        else if (entry.TryGetProperty("holidays", out var bad) && bad.ValueKind is not JsonValueKind.Null)
        {
            problems.Add(new CalendarProblem("holidays", "Input.Invalid", "holidays"));
        }

        if (entry.TryGetProperty("workdays", out var workdays) && workdays.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var w in workdays.EnumerateArray())
            {
                ReadWorkday(w, $"workdays[{i++}]", days, problems);
            }
        }
        else if (entry.TryGetProperty("workdays", out var bad) && bad.ValueKind is not JsonValueKind.Null)
        {
            problems.Add(new CalendarProblem("workdays", "Input.Invalid", "workdays"));
        }

        if (year is null)
        {
            return new CalendarYearRead(null, problems);
        }

        var draft = new CalendarYearDraft(year.Value, source, days);
        problems.AddRange(CalendarRules.CheckYear(draft));
        return new CalendarYearRead(draft, Ordered(problems));
    }

    public static CalendarYearRead Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Read(doc.RootElement);
        }
        catch (JsonException)
        {
            return new CalendarYearRead(null, [new CalendarProblem("body", "Input.Invalid", "Field.Calendar.File")]);
        }
    }

    /// <summary>The years of the shipped file (2025 and 2026); the program does not start with a broken one.</summary>
    public static IReadOnlyList<CalendarYearDraft> Shipped { get; } = LoadShipped();

    private static void ReadHoliday(JsonElement h, string field, List<CalendarDayDraft> days, List<CalendarProblem> problems)
    {
        if (h.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new CalendarProblem(field, "Input.Invalid", field));
            return;
        }

        var name = Text(h, "name");
        var from = Day(h, "from", field, problems);
        var to = Day(h, "to", field, problems);
        if (from is null || to is null)
        {
            if (name.Length == 0)
            {
                problems.Add(new CalendarProblem(field + ".name", CalendarRules.Codes.NameRequired));
            }

            return;
        }

        if (to < from)
        {
            problems.Add(new CalendarProblem(field + ".to", CalendarRules.Codes.RangeBackwards, CalendarRules.Format(from.Value), CalendarRules.Format(to.Value)));
            return;
        }

        if (to.Value.DayNumber - from.Value.DayNumber + 1 > CalendarRules.MaxHolidayDays)
        {
            problems.Add(new CalendarProblem(field + ".to", CalendarRules.Codes.RangeTooLong, CalendarRules.MaxHolidayDays));
            return;
        }

        // Counted by offset, not by stepping a day past `to` (which for 9999-12-31 is past DateOnly's end).
        for (var n = 0; n <= to.Value.DayNumber - from.Value.DayNumber; n++)
        {
            days.Add(new CalendarDayDraft(field, from.Value.AddDays(n), CalendarDayKind.Holiday, name));
        }
    }

    private static void ReadWorkday(JsonElement w, string field, List<CalendarDayDraft> days, List<CalendarProblem> problems)
    {
        var (text, name) = w.ValueKind switch
        {
            JsonValueKind.String => (w.GetString(), string.Empty),
            JsonValueKind.Object => (w.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null, Text(w, "name")),
            _ => (null, string.Empty),
        };
        if (!CalendarRules.TryParseDay(text, out var day))
        {
            problems.Add(text is null
                ? new CalendarProblem(field, "Input.Required", "Field.Calendar.Date")
                : new CalendarProblem(field, CalendarRules.Codes.BadDate, text));
            return;
        }

        days.Add(new CalendarDayDraft(field, day, CalendarDayKind.MakeUpWorkday, name));
    }

    private static string Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : string.Empty;

    private static DateOnly? Day(JsonElement e, string property, string field, List<CalendarProblem> problems)
    {
        if (!e.TryGetProperty(property, out var v) || v.ValueKind != JsonValueKind.String)
        {
            problems.Add(new CalendarProblem($"{field}.{property}", "Input.Required", property == "from" ? "Field.Calendar.From" : "Field.Calendar.To"));
            return null;
        }

        if (!CalendarRules.TryParseDay(v.GetString(), out var day))
        {
            problems.Add(new CalendarProblem($"{field}.{property}", CalendarRules.Codes.BadDate, v.GetString()!));
            return null;
        }

        return day;
    }

    /// <summary>Problems in the order of the input: year and source first, then holidays and workdays by index.</summary>
    private static List<CalendarProblem> Ordered(List<CalendarProblem> problems) =>
        [.. problems.Select((p, i) => (p, i)).OrderBy(x => Rank(x.p.Field)).ThenBy(x => x.i).Select(x => x.p)];

    private static (int Section, int Index) Rank(string field)
    {
        var section = field.StartsWith("holidays", StringComparison.Ordinal) ? 1 : field.StartsWith("workdays", StringComparison.Ordinal) ? 2 : 0;
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        var index = open >= 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), out var n) ? n : -1;
        return (section, index);
    }

    private static List<CalendarYearDraft> LoadShipped()
    {
        using var stream = typeof(CalendarYearJson).Assembly.GetManifestResourceStream("Dangjian.Domain.Calendar.ChinaHolidays.json")
            ?? throw new InvalidOperationException("the shipped holiday calendar is missing from the assembly");
        using var json = JsonDocument.Parse(stream);
        var years = new List<CalendarYearDraft>();
        foreach (var entry in json.RootElement.GetProperty("years").EnumerateArray())
        {
            var read = Read(entry);
            if (!read.Succeeded)
            {
                throw new InvalidOperationException("the shipped holiday calendar is invalid: " + string.Join("; ", read.Problems.Select(p => $"{p.Field} {p.Code}")));
            }

            years.Add(read.Draft!);
        }

        return years;
    }
}
