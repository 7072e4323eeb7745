using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>
/// 候选人问答 (ELE-9): voters ask a candidate on the public candidate page, without an account; the election's staff
/// record the candidate's answer and moderate (公开 / 不予公开). The rules are <see cref="CandidateQuestion"/>'s. Asking
/// reads nothing of the request and stores the day only; the public page shows published questions with their answers.
/// </summary>
public sealed class CandidateQuestions(DangjianDbContext db, PublicCandidates candidates, ProjectAccess access, CurrentUser user, OrgClock clock)
{
    /// <summary>A voter's question to a candidate on a fixed list of an election under way; the fields refused, or none when stored.</summary>
    public async Task<IReadOnlyList<FieldError>> AskAsync(int nomineeId, string? question, CancellationToken ct = default)
    {
        var candidate = await candidates.GetAsync(nomineeId, ct);
        if (await db.ElectionProjects.AsNoTracking().AnyAsync(p => p.Id == candidate.ProjectId && p.ClosedAt != null, ct))
        {
            return new FieldErrors().Add("question", "Election.ProjectClosed").Items;
        }

        try
        {
            db.CandidateQuestions.Add(CandidateQuestion.Ask(candidate.ProjectId, nomineeId, question, clock.Today));
        }
        catch (DomainRuleException e)
        {
            return FieldErrors.From(e).Items;
        }

        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>The published questions of a public candidate, with their answers, oldest first.</summary>
    public async Task<IReadOnlyList<PublicCandidateAnswer>> PublishedAsync(int nomineeId, CancellationToken ct = default) =>
        await db.CandidateQuestions.AsNoTracking()
            .Where(q => q.NomineeId == nomineeId && q.Status == CandidateQuestionStatus.Published)
            .OrderBy(q => q.AskedOn).ThenBy(q => q.Id)
            .Select(q => new PublicCandidateAnswer(q.Question, q.AskedOn, q.Answer!, q.AnsweredOn!.Value))
            .ToListAsync(ct);

    /// <summary>The questions of a project for its staff (Elections.Read), pending first, of a status when given.</summary>
    public async Task<IReadOnlyList<CandidateQuestionView>> ListAsync(int projectId, CandidateQuestionStatus? status, CancellationToken ct = default)
    {
        await access.DemandAsync(projectId, Permission.ElectionsRead, ct);
        var rows = await db.CandidateQuestions.AsNoTracking()
            .Where(q => q.ProjectId == projectId && (status == null || q.Status == status))
            .Join(db.Nominees, q => q.NomineeId, n => n.Id, (q, n) => new { q, n.PersonId })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.q, p.Name })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.q.Status).ThenBy(r => r.q.AskedOn).ThenBy(r => r.q.Id).Select(r => View(r.q, r.Name))];
    }

    public Task<CandidateQuestionView> AnswerAsync(int projectId, int questionId, AnswerCandidateQuestionRequest r, CancellationToken ct = default) =>
        ChangeAsync(projectId, questionId, r.Version, q => q.RecordAnswer(r.Answer, clock.Today), "CandidateQuestion.Answered", ct);

    public Task<CandidateQuestionView> PublishAsync(int projectId, int questionId, CandidateQuestionVersion r, CancellationToken ct = default) =>
        ChangeAsync(projectId, questionId, r.Version, q => q.Publish(user.Name, clock.Today), "CandidateQuestion.Published", ct);

    public Task<CandidateQuestionView> HideAsync(int projectId, int questionId, CandidateQuestionVersion r, CancellationToken ct = default) =>
        ChangeAsync(projectId, questionId, r.Version, q => q.Hide(user.Name, clock.Today), "CandidateQuestion.Hidden", ct);

    private async Task<CandidateQuestionView> ChangeAsync(
        int projectId, int questionId, int? version, Action<CandidateQuestion> change, string action, CancellationToken ct)
    {
        await access.DemandAsync(projectId, Permission.ElectionsRun, ct);
        var question = await db.CandidateQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.ProjectId == projectId, ct)
            ?? throw new NotFoundException("question", questionId);
        if (version is not { } v)
        {
            throw new InputValidationException(new FieldErrors().Add("version", "Input.Required", "Field.Version"));
        }

        db.ExpectVersion(question, v);
        change(question);
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        var name = await db.Nominees.AsNoTracking().Where(n => n.Id == question.NomineeId)
            .Join(db.People, n => n.PersonId, p => p.Id, (n, p) => p.Name).FirstAsync(ct);
        return View(question, name);
    }

    private static CandidateQuestionView View(CandidateQuestion q, string candidate) =>
        new(q.Id, q.NomineeId, candidate, q.Question, q.AskedOn, q.Answer, q.AnsweredOn, q.Status, q.ModeratedBy, q.ModeratedOn, q.Version);
}
