using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Meetings.Minutes;

/// <summary>
/// Meetings and organizations written straight through the app's DbContext (the meeting service is another slice's), so
/// the minutes and compliance tests start from exactly the records they need.
/// </summary>
public static class TestMeetings
{
    /// <summary>A new active organization of the kind under the parent: its own numbering sequence and no meetings yet.</summary>
    public static Task<int> NewOrganizationAsync(this AppFixture app, int parentId, OrganizationKind kind = OrganizationKind.Branch) =>
        app.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.FirstAsync(o => o.Id == parentId);
            var code = Demo.UniqueCode("M");
            var org = new Organization { Code = code, Name = "测试支部" + code, Kind = kind, ParentId = parentId, Path = parent.Path };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = OrganizationTree.PathOf(parent.Path, org.Id);
            await db.SaveChangesAsync();
            return org.Id;
        });

    public static Task<int> NewMeetingAsync(
        this AppFixture app, int organizationId, DateOnly date, MeetingType type = MeetingType.CommitteeMeeting, MeetingStatus status = MeetingStatus.Closed, string? title = null) =>
        app.WithDbAsync(async db =>
        {
            var m = new Meeting
            {
                OrganizationId = organizationId,
                Type = type,
                Title = title ?? $"{date:yyyy年M月d日}会议",
                Date = date,
                Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    public static Task SetStatusAsync(this AppFixture app, int meetingId, MeetingStatus status) =>
        app.WithDbAsync(async db =>
        {
            var m = await db.Meetings.FirstAsync(x => x.Id == meetingId);
            m.Status = status;
            return await db.SaveChangesAsync();
        });

    public static Task<List<MeetingMinutes>> MinutesOfAsync(this AppFixture app, int meetingId) =>
        app.WithDbAsync(db => db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).OrderBy(m => m.Revision).ToListAsync());
}
