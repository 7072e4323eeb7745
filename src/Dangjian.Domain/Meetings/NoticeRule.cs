using Dangjian.Domain.Calendar;

namespace Dangjian.Domain.Meetings;

public sealed record NoticeCheck(int WorkingDays, bool Ok);

/// <summary>
/// MTG-2: written notice at least <see cref="DefaultWorkingDays"/> working days before the meeting (a per-organization
/// setting), counting working days d with notice day ≤ d &lt; meeting day by the holiday calendar; a meeting called
/// sooner must be marked emergency with a reason. Source: seed 000 二 (会议议题一般应提前2个工作日通知与会人员).
/// </summary>
public static class NoticeRule
{
    public const int DefaultWorkingDays = 2;

    public static NoticeCheck Check(HolidayCalendar calendar, DateOnly noticeDay, DateOnly meetingDay, bool emergency, int requiredWorkingDays = DefaultWorkingDays)
    {
        var days = calendar.WorkingDays(noticeDay, meetingDay);
        return new(days, emergency || days >= requiredWorkingDays);
    }
}
