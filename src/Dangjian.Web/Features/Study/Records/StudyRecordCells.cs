using Dangjian.Domain.Common;
using Dangjian.Domain.Study;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Study.Records;

/// <summary>How the pages write a record's day and amount: a stay's first and last days and its days; a session's day and hours.</summary>
public static class StudyRecordCells
{
    public static string When(StudyRecordView r) =>
        r.Kind == StudyKind.PartySchool && r.From is { } f && r.To is { } t ? $"{DateText.Format(f)} – {DateText.Format(t)}"
        : r.Date is { } d ? DateText.Format(d) : string.Empty;

    public static string Amount(StudyRecordView r, IStringLocalizer<StudyRecordText> text)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(text);
        return r.Kind == StudyKind.PartySchool ? text["DaysOf", r.Days] : text["HoursOf", r.Hours ?? 0];
    }
}
