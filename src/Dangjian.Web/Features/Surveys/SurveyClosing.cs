using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Surveys;

/// <summary>
/// Closing a survey: by its organizer, or lazily when it is next looked at after its closing time passed or its quota
/// was reached (the box itself already refuses answers then). The box closes first (its ballots are reshuffled and
/// only then readable), then the survey's status; a survey whose box closed without it is closed on the next look.
/// </summary>
public sealed class SurveyClosing(DangjianDbContext db, BallotBoxService boxes, TimeProvider time)
{
    /// <summary>Closes the survey if it is open and due; returns the box's ballot count (0 without a box).</summary>
    public async Task<int> SettleAsync(int surveyId, CancellationToken ct = default)
    {
        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == surveyId, ct);
        var box = await boxes.FindAsync(survey.BoxKey, ct);
        var responses = box?.BallotsCast ?? 0;
        if (survey.Status == SurveyStatus.Open && (box is null || box.Closed || survey.IsDueToClose(time.GetUtcNow(), responses)))
        {
            try
            {
                await CloseAsync(surveyId, ct);
            }
            catch (SecretHistoryBusyException)
            {
                // The box already refuses answers; the close is finished on a later look, and this one still shows.
            }
        }

        return responses;
    }

    public async Task CloseAsync(int surveyId, CancellationToken ct = default)
    {
        var key = Survey.BoxKeyFor(surveyId);
        if (await boxes.FindAsync(key, ct) is { Closed: false })
        {
            await boxes.CloseAsync(key, ct);
        }

        var survey = await db.Surveys.FirstAsync(s => s.Id == surveyId, ct);
        if (survey.Close(time.GetUtcNow()))
        {
            db.AuditAction = "Survey.Closed";
            await db.SaveChangesAsync(ct);
        }
    }
}
