using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>Where a voter's question to a candidate stands.</summary>
public enum CandidateQuestionStatus
{
    /// <summary>待审: asked on the public page, not shown to anyone outside the election's staff.</summary>
    Pending,

    /// <summary>已公开: shown with the candidate's answer on the public candidate page.</summary>
    Published,

    /// <summary>不予公开: kept for the record, never shown publicly (abusive, off the subject, a personal attack).</summary>
    Hidden,
}

/// <summary>
/// 候选人问答 (ELE-9): a question from a voter to a candidate, asked on the public candidate page without an account, the
/// candidate's answer as the election's staff record it, and the staff's moderation. The public page shows a question
/// only with its answer and only once published; staff may take a published one down. Nothing identifies who asked: no
/// account, no address, the day only (the row is not audited when it is asked, so no audit entry dates it finer; staff
/// steps are audited as any change). Seed 001 (四是建立健全候选人介绍制度: 候选人对选举人述职、讲演、回答选举人提问) is
/// the source; a question is shown only with the answer, as the seed has the candidate answer the voters.
/// </summary>
public sealed class CandidateQuestion : IVersioned
{
    public const int MaxQuestionLength = 500;
    public const int MaxAnswerLength = 2000;
    public const int MaxStaffNameLength = 100;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public int NomineeId { get; set; }

    public string Question { get; set; } = string.Empty;

    /// <summary>The day only.</summary>
    public DateOnly AskedOn { get; set; }

    /// <summary>The candidate's answer, as the election's staff record it.</summary>
    public string? Answer { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public CandidateQuestionStatus Status { get; set; }

    public string? ModeratedBy { get; set; }

    public DateOnly? ModeratedOn { get; set; }

    public int Version { get; set; }

    /// <summary>A voter asks; the caller has checked that the nominee is a candidate on a fixed list of the project.</summary>
    public static CandidateQuestion Ask(int projectId, int nomineeId, string? question, DateOnly today)
    {
        var text = TextInput.Required(question, MaxQuestionLength, "question", "Field.CandidateQuestion.Question");
        SaneDates.Demand(today, "askedOn", "Field.CandidateQuestion.AskedOn");
        return new CandidateQuestion { ProjectId = projectId, NomineeId = nomineeId, Question = text, AskedOn = today, Status = CandidateQuestionStatus.Pending };
    }

    /// <summary>The candidate's answer, recorded (or corrected) while the question waits for moderation.</summary>
    public void RecordAnswer(string? answer, DateOnly today)
    {
        RefuseUnlessPending();
        Answer = TextInput.Required(answer, MaxAnswerLength, "answer", "Field.CandidateQuestion.Answer");
        AnsweredOn = today;
    }

    /// <summary>公开: a pending question with its answer goes on the public page.</summary>
    public void Publish(string by, DateOnly today)
    {
        RefuseUnlessPending();
        if (Answer is null)
        {
            throw new DomainRuleException("CandidateQuestion.Unanswered", "answer");
        }

        Moderate(CandidateQuestionStatus.Published, by, today);
    }

    /// <summary>不予公开: a pending question is kept off the page, or a published one taken down.</summary>
    public void Hide(string by, DateOnly today)
    {
        if (Status == CandidateQuestionStatus.Hidden)
        {
            throw new DomainRuleException("CandidateQuestion.AlreadyModerated", "status");
        }

        Moderate(CandidateQuestionStatus.Hidden, by, today);
    }

    private void Moderate(CandidateQuestionStatus status, string by, DateOnly today)
    {
        ModeratedBy = TextInput.Required(by, MaxStaffNameLength, "by", "Field.CandidateQuestion.By");
        (Status, ModeratedOn) = (status, today);
    }

    private void RefuseUnlessPending()
    {
        if (Status != CandidateQuestionStatus.Pending)
        {
            throw new DomainRuleException("CandidateQuestion.AlreadyModerated", "status");
        }
    }
}
