namespace Dangjian.Domain.Study;

/// <summary>A half-yearly closed-book exam (闭卷考试), or a make-up (补考) after a failed one.</summary>
public enum ExamKind
{
    Regular,
    MakeUp,
}

/// <summary>A person's exam state: <see cref="MakeUpDue"/> after a failed exam, <see cref="Suspended"/> (停职学习) after a failed make-up.</summary>
public enum ExamState
{
    Ok,
    MakeUpDue,
    Suspended,
}

public sealed record StudyExam(DateOnly Date, ExamKind Kind, decimal Score);

/// <summary>
/// The exam state as it stands on a day, and the first make-up that was not valid when it was taken
/// (<see cref="InvalidMakeUp"/>, an index into the exams given; the state is then the one just before it).
/// </summary>
public sealed record ExamReplay(ExamState State, int? InvalidMakeUp);

/// <summary>
/// The exam state machine (STU-3), from seed 000, 一 三考核, 三 成绩考核: a half-yearly closed-book exam; who fails it
/// must take a make-up; who fails the make-up is suspended to study (停职参加学习) until they pass (直到合格为止).
/// A regular exam: a pass → ok; a fail → suspended if already suspended, else make-up due. A make-up is only valid
/// when a make-up is due or the person is suspended: a pass → ok; a fail → suspended. A pass is a score of at least
/// the pass mark.
/// </summary>
public static class StudyExams
{
    /// <summary>The state after one exam; null when the exam is a make-up that is not valid in <paramref name="state"/>.</summary>
    public static ExamState? Next(ExamState state, ExamKind kind, bool passed) => (kind, passed) switch
    {
        (ExamKind.Regular, true) => ExamState.Ok,
        (ExamKind.Regular, false) => state == ExamState.Suspended ? ExamState.Suspended : ExamState.MakeUpDue,
        _ when state == ExamState.Ok => null,
        (_, true) => ExamState.Ok,
        _ => ExamState.Suspended,
    };

    /// <summary>
    /// The indexes of <paramref name="exams"/> in the order they were taken: by date; on one date a regular exam before
    /// a make-up (a make-up the same day follows the exam it makes up); otherwise as given.
    /// </summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<StudyExam> exams)
    {
        ArgumentNullException.ThrowIfNull(exams);
        return [.. Enumerable.Range(0, exams.Count).OrderBy(i => exams[i].Date).ThenBy(i => exams[i].Kind == ExamKind.MakeUp ? 1 : 0)];
    }

    /// <summary>The state on <paramref name="asOf"/> from the exams dated on or before it, starting from ok.</summary>
    public static ExamReplay Replay(IReadOnlyList<StudyExam> exams, decimal passScore, DateOnly asOf)
    {
        var state = ExamState.Ok;
        foreach (var i in Order(exams).Where(i => exams[i].Date <= asOf))
        {
            if (Next(state, exams[i].Kind, exams[i].Score >= passScore) is not { } next)
            {
                return new(state, i);
            }

            state = next;
        }

        return new(state, null);
    }
}
