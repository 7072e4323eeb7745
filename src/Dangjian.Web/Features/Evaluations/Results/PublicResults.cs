using Dangjian.Data;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Evaluations.Results;

public sealed record PublicResultRow(int SubjectId, string Name, string Grade, decimal Composite, int Rank);

public sealed record PublicResultsView(string Title, string OrganizationName, int Year, DateOnly From, DateOnly To, bool AcceptsObjections, IReadOnlyList<PublicResultRow> Results);

public enum ObjectionOutcome
{
    Accepted,
    Invalid,
    Closed,
    NotFound,
}

public sealed record ObjectionResult(ObjectionOutcome Outcome, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The public page of a publicized campaign (公示, EVA-8), for anyone holding its link: the results (name, grade,
/// composite) and an objection form (subject optional, text required, name and contact optional: anonymous allowed),
/// accepted only during the publicity period. Finalized campaigns still show their results, without the form.
/// </summary>
public sealed class PublicResults(DangjianDbContext db, TimeProvider time, OrgClock clock)
{
    public async Task<PublicResultsView?> ViewAsync(string? token, CancellationToken ct = default)
    {
        if (PublicLinkToken.Hash(token) is not { } hash)
        {
            return null;
        }

        var c = await db.EvaluationCampaigns.AsNoTracking()
            .Where(c => c.PublicTokenHash == hash && (c.Status == CampaignStatus.Publicized || c.Status == CampaignStatus.Finalized))
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c, o.Name }).FirstOrDefaultAsync(ct);
        if (c is null || c.c.PublicityFrom is not { } from || c.c.PublicityTo is not { } to)
        {
            return null;
        }

        var rows = await db.EvaluationResults.AsNoTracking().Where(r => r.CampaignId == c.c.Id)
            .Join(db.EvaluationSubjects, r => r.SubjectId, s => s.Id, (r, s) => new PublicResultRow(s.Id, s.Name, r.Grade, r.Composite, r.Rank))
            .ToListAsync(ct);
        return new PublicResultsView(c.c.Title, c.Name, c.c.Year, from, to, Accepts(c.c.Status, from, to),
            [.. rows.OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal)]);
    }

    public async Task<ObjectionResult> FileAsync(string? token, int? subjectId, string? text, string? name, string? contact, CancellationToken ct = default)
    {
        var hash = PublicLinkToken.Hash(token);
        var c = hash is null ? null : await db.EvaluationCampaigns.AsNoTracking().Where(c => c.PublicTokenHash == hash)
            .Select(c => new { c.Id, c.Status, c.PublicityFrom, c.PublicityTo }).FirstOrDefaultAsync(ct);
        if (c is null || c.PublicityFrom is not { } from || c.PublicityTo is not { } to)
        {
            return new(ObjectionOutcome.NotFound, []);
        }

        if (!Accepts(c.Status, from, to))
        {
            return new(ObjectionOutcome.Closed, []);
        }

        var errors = new FieldErrors();
        if (subjectId is { } sid && !await db.EvaluationSubjects.AnyAsync(s => s.Id == sid && s.CampaignId == c.Id, ct))
        {
            errors.Add("subjectId", "Input.Invalid", "Field.Evaluation.Subject");
        }

        var t = errors.Text("text", "Field.Evaluation.ObjectionText", text, EvaluationObjection.MaxTextLength);
        var n = errors.Text("filedBy", "Field.Evaluation.FiledBy", name, 100, required: false);
        var k = errors.Text("contact", "Field.Evaluation.Contact", contact, 100, required: false);
        if (errors.Any)
        {
            return new(ObjectionOutcome.Invalid, errors.Items);
        }

        db.EvaluationObjections.Add(new EvaluationObjection
        {
            CampaignId = c.Id,
            SubjectId = subjectId,
            Text = t,
            FiledBy = n.Length == 0 ? null : n,
            Contact = k.Length == 0 ? null : k,
            // An unsigned objection keeps only its day (the start of it, in the organization's zone), as it is kept out of the
            // audit log (DangjianDbContext.IsAudited): a time to the second could be set beside a request log to name who sent it.
            FiledAt = n.Length == 0 ? clock.At(clock.Today, TimeOnly.MinValue).ToUniversalTime() : time.GetUtcNow(),
        });
        db.AuditAction = "Evaluation.ObjectionFiled";
        await db.SaveChangesAsync(ct);
        return new(ObjectionOutcome.Accepted, []);
    }

    private bool Accepts(CampaignStatus status, DateOnly from, DateOnly to)
    {
        var today = clock.Today;
        return status == CampaignStatus.Publicized && today >= from && today <= to;
    }
}
