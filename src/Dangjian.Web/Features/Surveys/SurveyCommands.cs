using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Secrecy;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Surveys;

/// <summary>Codes cannot be issued for this survey (it is closed, or it is an open-link survey).</summary>
public sealed class SurveyCodesRefusedException : Exception
{
    public SurveyCodesRefusedException()
        : base("Codes cannot be issued for this survey.")
    {
    }
}

/// <summary>
/// Changes to surveys (SRV-1, SRV-3), each after Permission.SurveysRun on the survey's organization. A survey is built while a
/// draft (its questions and options may change only then, so every response answers the same questions), opened
/// (its ballot box opens, and an open-link survey gets its link, shown once), and closed.
/// </summary>
public sealed class SurveyCommands(
    DangjianDbContext db, ScopeService scopes, SurveyQueries queries, SatisfactionTargets targets, SurveyClosing closing, BallotBoxService boxes, TimeProvider time, IStringLocalizer<SurveyText> text)
{
    public async Task<int> CreateAsync(SurveyRequest r, CancellationToken ct = default)
    {
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.SurveysRun, orgId, ct);
        var survey = new Survey { OrganizationId = orgId, CreatedAt = time.GetUtcNow() };
        Apply(survey, r);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey.Id;
    }

    public async Task UpdateAsync(int id, SurveyRequest r, CancellationToken ct = default)
    {
        var survey = await DraftAsync(id, ct);
        if (r.Version is { } version)
        {
            db.ExpectVersion(survey, version);
        }

        Apply(survey, r);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a draft (nothing was answered yet).</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var survey = await DraftAsync(id, ct);
        db.Surveys.Remove(survey);
        db.AuditAction = "Survey.Deleted";
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddQuestionAsync(int id, QuestionRequest r, CancellationToken ct = default)
    {
        var survey = await DraftAsync(id, ct);
        if (survey.Questions.Count >= Survey.MaxQuestions)
        {
            throw new DomainRuleException("Survey.TooManyQuestions", "questions", Survey.MaxQuestions);
        }

        var question = new SurveyQuestion { SurveyId = id, Order = survey.Questions.Count == 0 ? 1 : survey.Questions.Max(q => q.Order) + 1 };
        Apply(question, r);
        survey.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        return question.Id;
    }

    public async Task UpdateQuestionAsync(int id, int questionId, QuestionRequest r, CancellationToken ct = default)
    {
        var survey = await DraftAsync(id, ct);
        Apply(Question(survey, questionId), r);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveQuestionAsync(int id, int questionId, CancellationToken ct = default)
    {
        var survey = await DraftAsync(id, ct);
        var question = Question(survey, questionId);
        survey.Questions.Remove(question);
        db.SurveyQuestions.Remove(question);
        var order = 1;
        foreach (var q in survey.Questions.OrderBy(q => q.Order).ThenBy(q => q.Id))
        {
            q.Order = order++;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a question one place up (-1) or down (+1); at either end it stays.</summary>
    public async Task MoveQuestionAsync(int id, int questionId, int direction, CancellationToken ct = default)
    {
        if (direction is not (-1 or 1))
        {
            throw new InputValidationException(new FieldErrors().Add("direction", "Input.OutOfRange", "Field.Survey.Direction", -1, 1));
        }

        var survey = await DraftAsync(id, ct);
        var ordered = survey.Questions.OrderBy(q => q.Order).ThenBy(q => q.Id).ToList();
        var i = ordered.FindIndex(q => q.Id == questionId);
        if (i < 0)
        {
            throw new NotFoundException("question", questionId);
        }

        var j = i + direction;
        if (j >= 0 && j < ordered.Count)
        {
            (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
            for (var k = 0; k < ordered.Count; k++)
            {
                ordered[k].Order = k + 1;
            }

            db.AuditAction = "SurveyQuestion.Moved";
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Opens a draft: it needs a question and a closing time still ahead; its box is created and opened. An open-link
    /// survey gets a new random link, returned this once and stored only as a hash.
    /// </summary>
    public async Task<string?> OpenAsync(int id, CancellationToken ct = default)
    {
        var survey = await DraftAsync(id, ct);
        var token = survey.Access == SurveyAccess.OpenLink ? PublicLinkToken.New() : null;
        survey.Open(time.GetUtcNow(), PublicLinkToken.Hash(token));
        if (await boxes.FindAsync(survey.BoxKey, ct) is null)
        {
            boxes.Create(survey.BoxKey);
        }

        db.AuditAction = "Survey.Opened";
        await db.SaveChangesAsync(ct);
        await boxes.OpenAsync(survey.BoxKey, ct);
        return token;
    }

    /// <summary>
    /// 重新生成链接: an open open-link survey gets a new random link, returned this once and stored only as a hash; the
    /// old link stops working at once (a link that went too far, say). Answers already given stay.
    /// </summary>
    public async Task<string> RenewLinkAsync(int id, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.SurveysRun, ct);
        await closing.SettleAsync(id, ct);
        var survey = await db.Surveys.FirstAsync(s => s.Id == id, ct);
        if (survey.Access != SurveyAccess.OpenLink || survey.Status != SurveyStatus.Open)
        {
            throw new DomainRuleException("Survey.LinkNotRenewable", "survey");
        }

        var token = PublicLinkToken.New();
        survey.OpenTokenHash = PublicLinkToken.Hash(token);
        db.AuditAction = "Survey.LinkRenewed";
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Closes an open survey now (the organizer's decision); closing a closed survey changes nothing.</summary>
    public async Task CloseAsync(int id, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.SurveysRun, ct);
        var status = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => s.Status).FirstAsync(ct);
        if (status == SurveyStatus.Draft)
        {
            throw new DomainRuleException("Survey.NotOpen", "survey");
        }

        await closing.CloseAsync(id, ct);
    }

    /// <summary>
    /// Issues one-time codes for a code survey, in clear this once (only their hashes are stored). A draft gets its
    /// box now, so slips can be printed before the meeting; a closed survey or an open-link survey gets none.
    /// </summary>
    public async Task<IReadOnlyList<string>> IssueCodesAsync(int id, int count, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.SurveysRun, ct);
        if (count is < 1 or > BallotBoxService.MaxCodesPerBatch)
        {
            throw new InputValidationException(new FieldErrors().Add("count", "Input.OutOfRange", "Field.Survey.CodeCount", 1, BallotBoxService.MaxCodesPerBatch));
        }

        await closing.SettleAsync(id, ct);
        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == id, ct);
        var box = await boxes.FindAsync(survey.BoxKey, ct);
        if (survey.Access != SurveyAccess.AccessCodes || survey.Status == SurveyStatus.Closed || box is { Closed: true })
        {
            throw new SurveyCodesRefusedException();
        }

        if (box is null)
        {
            boxes.Create(survey.BoxKey);
            await db.SaveChangesAsync(ct);
        }

        return await boxes.IssueCodesAsync(survey.BoxKey, count, ct);
    }

    /// <summary>
    /// 满意度测评 in one click (SRV-3, 群众满意票反馈制): a survey about the target with one required single-choice
    /// question 满意 / 基本满意 / 不满意, opened at once, in the target's organization (see <see cref="SatisfactionTargets"/>).
    /// </summary>
    public async Task<(int Id, string? Token)> CreateSatisfactionAsync(SatisfactionRequest r, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (r.TargetKind is null)
        {
            errors.Add("targetKind", "Input.Required", "Field.Survey.TargetKind");
        }

        if (r.TargetId is null)
        {
            errors.Add("targetId", "Input.Required", "Field.Survey.Target");
        }

        if (r.Access is not { } access || !Enum.IsDefined(access))
        {
            errors.Add("access", "Input.Required", "Field.Survey.Access");
        }

        errors.ThrowIfAny();
        var kind = r.TargetKind!.Value;
        var target = await targets.DemandAsync(kind, r.TargetId!.Value, Permission.SurveysRun, ct);
        var survey = new Survey
        {
            OrganizationId = target.OrganizationId,
            Title = Trim(text["Satisfaction.SurveyTitle", target.Title], Survey.MaxTitleLength),
            Access = r.Access!.Value,
            TargetKind = kind,
            TargetId = r.TargetId,
            CreatedAt = time.GetUtcNow(),
        };
        survey.Questions.Add(new SurveyQuestion
        {
            Order = 1,
            Kind = QuestionKind.SingleChoice,
            Text = text[SatisfactionTargets.Key("Satisfaction.Question", kind)],
            Required = true,
            Options = [text["Satisfaction.Satisfied"], text["Satisfaction.Basic"], text["Satisfaction.Dissatisfied"]],
        });
        db.Surveys.Add(survey);
        db.AuditAction = "Survey.SatisfactionCreated";
        await db.SaveChangesAsync(ct);
        var token = await OpenAsync(survey.Id, ct);
        return (survey.Id, token);
    }

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..max];

    private void Apply(Survey survey, SurveyRequest r)
    {
        var errors = new FieldErrors();
        survey.Title = errors.Text("title", "Field.Survey.Title", r.Title, Survey.MaxTitleLength);
        var description = errors.Text("description", "Field.Survey.Description", r.Description, Survey.MaxDescriptionLength, required: false);
        survey.Description = description.Length == 0 ? null : description;
        if (r.Access is not { } access || !Enum.IsDefined(access))
        {
            errors.Add("access", "Input.Required", "Field.Survey.Access");
        }
        else
        {
            survey.Access = access;
        }

        if (r.Quota is { } quota && quota is < 1 or > Survey.MaxQuota)
        {
            errors.Add("quota", "Input.OutOfRange", "Field.Survey.Quota", 1, Survey.MaxQuota);
        }

        survey.Quota = r.Quota;
        if (r.ClosesAt is { } closes && closes <= time.GetUtcNow())
        {
            errors.Add("closesAt", "Survey.ClosingPassed");
        }

        survey.ClosesAt = r.ClosesAt?.ToUniversalTime();
        errors.ThrowIfAny();
    }

    private static void Apply(SurveyQuestion question, QuestionRequest r)
    {
        var errors = new FieldErrors();
        question.Text = errors.Text("text", "Field.Survey.QuestionText", r.Text, SurveyQuestion.MaxTextLength);
        question.Required = r.Required;
        question.MaxPicks = null;
        question.Scale = null;
        question.Options = [];
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Survey.QuestionKind");
            errors.ThrowIfAny();
            return;
        }

        question.Kind = kind;
        if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            var options = (r.Options ?? []).Select(o => o?.Trim() ?? string.Empty).Where(o => o.Length > 0).ToList();
            if (options.Count is < 2 or > SurveyQuestion.MaxOptions)
            {
                errors.Add("options", "Input.OutOfRange", "Field.Survey.OptionCount", 2, SurveyQuestion.MaxOptions);
            }

            if (options.Any(o => o.Length > SurveyQuestion.MaxOptionLength))
            {
                errors.Add("options", "Input.TooLong", "Field.Survey.Option", SurveyQuestion.MaxOptionLength);
            }

            if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            {
                errors.Add("options", "Survey.DuplicateOption");
            }

            question.Options = options;
            if (kind == QuestionKind.MultipleChoice && r.MaxPicks is { } max)
            {
                if (max < 1 || max > Math.Max(1, options.Count))
                {
                    errors.Add("maxPicks", "Input.OutOfRange", "Field.Survey.MaxPicks", 1, Math.Max(1, options.Count));
                }

                question.MaxPicks = max;
            }
        }
        else if (kind == QuestionKind.Rating)
        {
            if (r.Scale is not { } scale || scale < SurveyQuestion.MinScale || scale > SurveyQuestion.MaxScale)
            {
                errors.Add("scale", "Input.OutOfRange", "Field.Survey.Scale", SurveyQuestion.MinScale, SurveyQuestion.MaxScale);
            }

            question.Scale = r.Scale;
        }

        errors.ThrowIfAny();
    }

    private static SurveyQuestion Question(Survey survey, int questionId) =>
        survey.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw new NotFoundException("question", questionId);

    private async Task<Survey> DraftAsync(int id, CancellationToken ct)
    {
        await queries.DemandAsync(id, Permission.SurveysRun, ct);
        var survey = await db.Surveys.Include(s => s.Questions).FirstAsync(s => s.Id == id, ct);
        if (survey.Status != SurveyStatus.Draft)
        {
            throw new DomainRuleException("Survey.NotDraft", "survey");
        }

        return survey;
    }
}
