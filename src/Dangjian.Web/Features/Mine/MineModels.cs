using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.People;

namespace Dangjian.Web.Features.Mine;

/// <summary>Strings of the member's own page (MineText.resx, MineText.en.resx).</summary>
public sealed class MineText;

/// <summary>
/// What concerns the signed-in person, and nothing of anyone else's, as their page shows it: their record and positions
/// as the roster shows them to them, the meetings they are invited to (upcoming first), the rectification measures they
/// own and their evaluation follow-ups. <see cref="Person"/> is null, and every list empty, for an account linked to no
/// person. The API serves each part on its own (<see cref="MineEndpoints"/>).
/// </summary>
public sealed record MyPageView(
    PersonDetail? Person,
    IReadOnlyList<MyMeetingView> Meetings,
    IReadOnlyList<OwnRectificationView> Rectifications,
    IReadOnlyList<MyFollowUpView> FollowUps)
{
    public static readonly MyPageView Empty = new(null, [], [], []);
}

/// <summary>Their record as the roster shows it to them; <see cref="Person"/> is null for an account linked to no person.</summary>
public sealed record MyRecord(PersonDetail? Person);

/// <summary>A meeting the person is invited to: entitled to attend (应到会) or not (列席), and their attendance once recorded.</summary>
public sealed record MyMeetingView(
    int Id,
    int OrganizationId,
    string OrganizationName,
    MeetingType Type,
    string Title,
    DateOnly Date,
    TimeOnly? StartTime,
    string? Location,
    MeetingStatus Status,
    bool Emergency,
    bool Entitled,
    Attendance Attendance,
    bool Upcoming);

/// <summary>A follow-up of the person's own grade (整改跟踪), once the campaign's results are public.</summary>
public sealed record MyFollowUpView(
    int Id,
    int CampaignId,
    string CampaignTitle,
    int Year,
    string Grade,
    string Measure,
    DateOnly? Deadline,
    FollowUpStatus Status,
    string? Outcome);
