using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

public enum TheoryLectureStatus
{
    Planned,
    Given,
}

/// <summary>
/// A cadre's theory lecture to their unit (理论课, STU-7; seed 004, 三 (一) 重视理论武装工作: 每个区管干部每年在单位内部上一堂以上
/// 理论课，年底由单位全体同志对领导干部上课情况进行评议): planned with a topic and day, marked given on the day it was given,
/// then rated by the unit's staff through a survey (<see cref="SurveyId"/>, the shared survey mechanism).
/// </summary>
public sealed class TheoryLecture : IVersioned
{
    public const int MaxTopicLength = 200;

    public int Id { get; set; }

    /// <summary>The cadre who lectures.</summary>
    public int PersonId { get; set; }

    /// <summary>The organization of the unit whose staff hear and rate it.</summary>
    public int OrganizationId { get; set; }

    public string Topic { get; set; } = string.Empty;

    public DateOnly PlannedOn { get; set; }

    public DateOnly? GivenOn { get; set; }

    /// <summary>How long the lecture was, given when it is marked given: the hours its lecture record counts.</summary>
    public decimal? Hours { get; set; }

    public TheoryLectureStatus Status { get; set; }

    /// <summary>The survey the unit's staff rate the lecture in.</summary>
    public int? SurveyId { get; set; }

    public int Version { get; set; }

    /// <summary>Plans a lecture on a topic for a sane day.</summary>
    public static TheoryLecture Plan(int personId, int organizationId, string topic, DateOnly plannedOn)
    {
        var text = TextInput.Required(topic, MaxTopicLength, "topic", "Field.Study.LectureTopic");
        SaneDates.Demand(plannedOn, "plannedOn", "Field.Study.LecturePlannedOn");
        return new() { PersonId = personId, OrganizationId = organizationId, Topic = text, PlannedOn = plannedOn };
    }

    /// <summary>
    /// The lecture was given on <paramref name="givenOn"/> (it may differ from the plan; not in the future) and lasted
    /// <paramref name="hours"/>, a session's hours (<see cref="StudyRecord.SessionHours"/>): the lecture record
    /// (<see cref="StudyRecord.OfLecture"/>) counts them, so they are required.
    /// </summary>
    public void MarkGiven(DateOnly givenOn, decimal? hours, DateOnly today)
    {
        if (Status != TheoryLectureStatus.Planned)
        {
            throw new DomainRuleException("Study.LectureAlreadyGiven", "status");
        }

        var day = StudyDays.Done(givenOn, "givenOn", "Field.Study.LectureGivenOn", today);
        (Status, GivenOn, Hours) = (TheoryLectureStatus.Given, day, StudyRecord.SessionHours(hours, "hours"));
    }

    /// <summary>The survey its hearers rate it in: once the lecture was given, and only one.</summary>
    public void AttachRating(int surveyId)
    {
        if (Status != TheoryLectureStatus.Given)
        {
            throw new DomainRuleException("Study.LectureNotGiven", "status");
        }

        if (SurveyId is not null)
        {
            throw new DomainRuleException("Study.LectureRated", "surveyId");
        }

        SurveyId = surveyId > 0 ? surveyId : throw new DomainRuleException("Input.Invalid", "surveyId", "Field.Study.LectureSurvey");
    }
}

/// <summary>The list of STU-7: cadres who have not yet given this year's lecture.</summary>
public static class TheoryLectures
{
    /// <summary>The cadres (in the order given, each once) with no lecture given in <paramref name="year"/>; a planned one does not count.</summary>
    public static IReadOnlyList<int> CadresWithout(IEnumerable<int> cadres, IEnumerable<TheoryLecture> lectures, int year)
    {
        ArgumentNullException.ThrowIfNull(cadres);
        ArgumentNullException.ThrowIfNull(lectures);
        var lectured = lectures.Where(l => l.Status == TheoryLectureStatus.Given && l.GivenOn?.Year == year).Select(l => l.PersonId).ToHashSet();
        return [.. cadres.Distinct().Where(c => !lectured.Contains(c))];
    }
}
