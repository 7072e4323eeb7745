using System.Globalization;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Results;

/// <summary>A veto item that applies to a subject (EVA-2): one of the campaign's criteria veto items, with a note.</summary>
public sealed record VetoEntry(string Item, string? Note);

/// <summary>The 实绩 and 组织考察 scores and vetoes of a subject (EVA-6, EVA-2), with its version.</summary>
public sealed record SubjectScoresRequest(decimal? Achievement, decimal? Inspection, IReadOnlyList<VetoEntry>? Vetoes, int Version);

public sealed record SubjectScoresView(int Id, string Name, string? Description, decimal? Achievement, decimal? Inspection, IReadOnlyList<VetoEntry> Vetoes, int Version);

/// <summary>
/// Score entry (EVA-6) and vetoes (EVA-2) per subject: 0–100 with at most 2 decimals, veto items picked from the
/// campaign's frozen criteria. Allowed until the campaign is finalized; after results exist a change shows them stale
/// (the results page asks to recompute).
/// </summary>
public sealed class SubjectScores(DangjianDbContext db, CampaignAccess access)
{
    public const decimal MaxScore = 100m;

    /// <summary>Separates a veto item from its note in <see cref="EvaluationSubject.VetoItems"/> (one line per item).</summary>
    public const string NoteSeparator = " — ";

    /// <summary>Every subject's 实绩 and 组织考察: for those who run the campaign, before and after publicity alike.</summary>
    public async Task<IReadOnlyList<SubjectScoresView>> ListAsync(int campaignId, CancellationToken ct = default)
    {
        await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        var subjects = await db.EvaluationSubjects.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        return [.. subjects.Select(View)];
    }

    public async Task<SubjectScoresView> SetAsync(int subjectId, SubjectScoresRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await access.DemandSubjectAsync(subjectId, Permission.EvaluationsRun, ct);
        DemandNotPublicized(target.Status);
        var criteria = await CriteriaAsync(target.CampaignId, ct);

        var errors = new FieldErrors();
        CheckScore(errors, "achievement", "Field.Evaluation.Achievement", request.Achievement);
        CheckScore(errors, "inspection", "Field.Evaluation.Inspection", request.Inspection);
        var vetoes = request.Vetoes ?? [];
        var lines = new List<string>();
        for (var i = 0; i < vetoes.Count; i++)
        {
            var item = vetoes[i].Item?.Trim() ?? string.Empty;
            if (!criteria.VetoItems.Contains(item, StringComparer.Ordinal))
            {
                errors.Add($"vetoes[{i}].item", "Evaluation.UnknownVetoItem", item);
                continue;
            }

            var note = errors.Text($"vetoes[{i}].note", "Field.Evaluation.VetoNote", vetoes[i].Note?.ReplaceLineEndings(" "), 300, required: false);
            if (lines.Any(l => l == item || l.StartsWith(item + NoteSeparator, StringComparison.Ordinal)))
            {
                errors.Add($"vetoes[{i}].item", "Evaluation.VetoItemTwice", item);
                continue;
            }

            lines.Add(note.Length == 0 ? item : item + NoteSeparator + note);
        }

        errors.ThrowIfAny();
        var subject = await db.EvaluationSubjects.FirstAsync(s => s.Id == subjectId, ct);
        db.ExpectVersion(subject, request.Version);
        subject.Achievement = request.Achievement;
        subject.Inspection = request.Inspection;
        subject.VetoItems = lines.Count == 0 ? null : string.Join('\n', lines);
        db.AuditAction = "Evaluation.ScoresEntered";
        await db.SaveChangesAsync(ct);
        return View(subject);
    }

    /// <summary>The campaign's veto items to choose from.</summary>
    public async Task<IReadOnlyList<string>> VetoItemsAsync(int campaignId, CancellationToken ct = default)
    {
        await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRead, ct);
        return (await CriteriaAsync(campaignId, ct)).VetoItems;
    }

    /// <summary>
    /// Imports 实绩 and 组织考察 from sheet rows, whole or nothing: every bad row is named (unknown subject, out of
    /// range, not a number, too many decimals, a subject twice) and nothing changes while any is wrong. A blank cell
    /// leaves that score as it is. Returns how many subjects changed.
    /// </summary>
    public async Task<int> ImportAsync(int campaignId, IReadOnlyList<ScoreSheetRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var target = await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        DemandNotPublicized(target.Status);
        var subjects = await db.EvaluationSubjects.Where(s => s.CampaignId == campaignId).ToListAsync(ct);
        var byName = subjects.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var errors = new FieldErrors();
        if (rows.Count == 0)
        {
            errors.Add("file", "Import.Empty");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var changes = new List<(EvaluationSubject Subject, decimal? Achievement, decimal? Inspection)>();
        foreach (var row in rows)
        {
            var at = $"rows[{row.Row.ToString(CultureInfo.InvariantCulture)}]";
            var name = row.Name?.Trim() ?? string.Empty;
            EvaluationSubject? subject = null;
            if (name.Length == 0)
            {
                errors.Add($"{at}.name", "Input.Required", "Field.Evaluation.Subject");
            }
            else if (seen.TryGetValue(name, out var first))
            {
                errors.Add($"{at}.name", "Evaluation.ImportDuplicate", name, first);
            }
            else if (!byName.TryGetValue(name, out subject))
            {
                errors.Add($"{at}.name", "Evaluation.ImportUnknownSubject", name);
            }

            if (name.Length > 0)
            {
                seen.TryAdd(name, row.Row);
            }

            var achievement = Cell(errors, $"{at}.achievement", "Field.Evaluation.Achievement", row.Achievement);
            var inspection = Cell(errors, $"{at}.inspection", "Field.Evaluation.Inspection", row.Inspection);
            if (subject is not null)
            {
                changes.Add((subject, achievement, inspection));
            }
        }

        errors.ThrowIfAny();
        var changed = 0;
        foreach (var (subject, achievement, inspection) in changes)
        {
            var before = (subject.Achievement, subject.Inspection);
            subject.Achievement = achievement ?? subject.Achievement;
            subject.Inspection = inspection ?? subject.Inspection;
            if (before != (subject.Achievement, subject.Inspection))
            {
                changed++;
            }
        }

        db.AuditAction = "Evaluation.ScoresImported";
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>The subjects' names and current scores, in order, for the import template.</summary>
    public async Task<IReadOnlyList<SubjectScoresView>> TemplateRowsAsync(int campaignId, CancellationToken ct = default) =>
        await ListAsync(campaignId, ct);

    public static IReadOnlyList<VetoEntry> ParseVetoes(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l =>
            {
                var at = l.IndexOf(NoteSeparator, StringComparison.Ordinal);
                return at < 0 ? new VetoEntry(l, null) : new VetoEntry(l[..at], l[(at + NoteSeparator.Length)..]);
            })];

    /// <summary>A score is 0–100 with at most two decimals (the field is named with the rule broken).</summary>
    public static void CheckScore(FieldErrors errors, string field, string label, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not { } v)
        {
            return;
        }

        if (v < 0 || v > MaxScore)
        {
            errors.Add(field, "Input.OutOfRange", label, 0, MaxScore);
        }
        else if (decimal.Round(v, 2) != v)
        {
            errors.Add(field, "Evaluation.TooManyDecimals", label, 2);
        }
    }

    /// <summary>
    /// Scores may change until the results are publicized: what the public sees during 公示 is what is finalized
    /// (EVA-8), so a publicized result can never go stale behind the public page.
    /// </summary>
    internal static void DemandNotPublicized(CampaignStatus status)
    {
        DemandNotFinalized(status);
        if (status == CampaignStatus.Publicized)
        {
            throw new DomainRuleException("Evaluation.ScoresLocked", "status");
        }
    }

    internal static void DemandNotFinalized(CampaignStatus status)
    {
        if (status == CampaignStatus.Finalized)
        {
            throw new DomainRuleException("Evaluation.Finalized", "status");
        }
    }

    private async Task<EvaluationCriteria> CriteriaAsync(int campaignId, CancellationToken ct) =>
        CampaignJson.Criteria(await db.EvaluationCampaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.CriteriaJson).FirstAsync(ct));

    private static decimal? Cell(FieldErrors errors, string field, string label, object? cell)
    {
        decimal? value;
        switch (cell)
        {
            case null:
                return null;
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case string s:
                if (!decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    errors.Add(field, "Evaluation.ImportNotANumber", label, s.Trim());
                    return null;
                }

                value = parsed;
                break;
            case double d:
                value = (decimal)d;
                break;
            case decimal m:
                value = m;
                break;
            case int i:
                value = i;
                break;
            case long l:
                value = l;
                break;
            default:
                errors.Add(field, "Evaluation.ImportNotANumber", label, Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty);
                return null;
        }

        var before = errors.Items.Count;
        CheckScore(errors, field, label, value);
        return errors.Items.Count == before ? value : null;
    }

    private static SubjectScoresView View(EvaluationSubject s) =>
        new(s.Id, s.Name, s.Description, s.Achievement, s.Inspection, ParseVetoes(s.VetoItems), s.Version);
}

/// <summary>One data row of a score sheet: its row number in the sheet and its three cells as read.</summary>
public sealed record ScoreSheetRow(int Row, string? Name, object? Achievement, object? Inspection);
