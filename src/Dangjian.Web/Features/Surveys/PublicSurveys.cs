using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Secrecy;
using Dangjian.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Surveys;

/// <summary>
/// The public side of a survey (SRV-1): the form and answering it, without an account. A code survey is reached by
/// its id and answered with a one-time code; an open-link survey only through its link's token. Answers are checked
/// whole first (an invalid set comes back naming the questions, and the code stays unused), then cast into the box.
/// Nothing is logged or audited: not a code, an answer or a time (DESIGN.md "Secrecy").
/// </summary>
public sealed class PublicSurveys(DangjianDbContext db, BallotBoxService boxes, TimeProvider time)
{
    public async Task<SurveyForm?> FormAsync(int? id, string? token, CancellationToken ct = default)
    {
        var survey = await FindAsync(id, token, ct);
        if (survey is null || survey.Status == SurveyStatus.Draft)
        {
            return null;
        }

        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == survey.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var box = await boxes.FindAsync(survey.BoxKey, ct);
        var accepts = box is { IsOpen: true } && survey.AcceptsAnswers(time.GetUtcNow(), box.BallotsCast);
        return new SurveyForm(survey.Id, survey.Title, survey.Description, org, survey.Access, survey.Specs(), accepts);
    }

    public async Task<AnswerResult> SubmitAsync(int? id, string? token, string? typedCode, IReadOnlyDictionary<int, Answer> answers, CancellationToken ct = default)
    {
        var form = await FormAsync(id, token, ct);
        if (form is null)
        {
            return AnswerResult.NotFound;
        }

        if (!form.AcceptsAnswers)
        {
            return AnswerResult.Closed;
        }

        var errors = SurveyAnswers.Check(form.Questions, answers);
        if (errors.Count > 0)
        {
            return new AnswerResult(AnswerOutcome.Invalid, errors);
        }

        var content = SurveyAnswers.Write(form.Questions, answers);
        var key = Survey.BoxKeyFor(form.Id);
        var quota = await db.Surveys.AsNoTracking().Where(s => s.Id == form.Id).Select(s => s.Quota).FirstAsync(ct);
        CastResult cast;
        if (form.Access == SurveyAccess.AccessCodes)
        {
            if (AccessCode.Normalize(typedCode) is not { } code)
            {
                return AnswerResult.Refused;
            }

            cast = await boxes.CastAsync(key, code, content, quota, ct);
        }
        else
        {
            cast = await boxes.CastOpenAsync(key, content, quota, ct);
        }

        return cast.Outcome switch
        {
            CastOutcome.Accepted => AnswerResult.Accepted,
            CastOutcome.NotOpen => AnswerResult.Closed,
            CastOutcome.AlreadyUsed => new AnswerResult(AnswerOutcome.AlreadyUsed, []),
            _ => AnswerResult.Refused,
        };
    }

    /// <summary>By id a code survey; by token an open-link survey. Never the other way round.</summary>
    private async Task<Survey?> FindAsync(int? id, string? token, CancellationToken ct)
    {
        var query = db.Surveys.AsNoTracking().Include(s => s.Questions);
        if (token is not null)
        {
            return PublicLinkToken.Hash(token) is { } hash
                ? await query.FirstOrDefaultAsync(s => s.OpenTokenHash == hash && s.Access == SurveyAccess.OpenLink, ct)
                : null;
        }

        return id is { } i ? await query.FirstOrDefaultAsync(s => s.Id == i && s.Access == SurveyAccess.AccessCodes, ct) : null;
    }
}
