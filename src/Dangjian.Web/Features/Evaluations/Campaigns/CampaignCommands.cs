using Dangjian.Data;
using Dangjian.Data.Evaluations;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// A campaign up to the close (EVA-3, EVA-8): create with frozen criteria, edit its settings while Draft, the
/// announcement (考核预告), open and close; <see cref="EvaluationCampaign"/> decides each step, <see cref="CampaignRules"/>
/// checks the settings. Subjects and groups are <see cref="SubjectCommands"/>' and <see cref="GroupCommands"/>'. Every
/// change goes through <see cref="CampaignAccess"/> (Permission.EvaluationsRun on the campaign's organization) and is audited by its save.
/// </summary>
public sealed class CampaignCommands(
    DangjianDbContext db, CampaignAccess access, ScopeService scopes, BallotBoxService boxes, TimeProvider clock)
{

    public async Task<int> CreateAsync(CreateCampaignRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new FieldErrors();
        if (r.OrganizationId is not { } orgId)
        {
            errors.Add("organizationId", "Input.Required", "Field.Evaluation.Organization");
            errors.ThrowIfAny();
            return 0;
        }

        await scopes.DemandAsync(CampaignPermissions.ToRun(r.Kind ?? CampaignKind.DemocraticEvaluation), orgId, ct);
        var title = errors.Text("title", "Field.Evaluation.Title", r.Title, EvaluationCampaign.MaxTitleLength);
        var year = CheckYear(r.Year, errors);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Evaluation.Kind");
            kind = CampaignKind.DemocraticEvaluation;
        }

        var subjectKind = CheckSubjectKind(r.SubjectKind, errors);
        EvaluationTemplate? template = null;
        if (r.TemplateId is null && kind == CampaignKind.SecretaryAssessment)
        {
            // 党支部书记量化考核 (EVA-9): without a template named, the secretaries' indicators of seed 003 (the seeded template).
            template = await db.EvaluationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Name == EvaluationTemplateSeed.SecretaryName && !t.Archived, ct);
            if (template is null)
            {
                errors.Add("templateId", "Input.Required", "Field.Evaluation.Template");
            }
        }
        else if (r.TemplateId is not { } templateId)
        {
            errors.Add("templateId", "Input.Required", "Field.Evaluation.Template");
        }
        else
        {
            template = await db.EvaluationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && !t.Archived, ct);
            if (template is null)
            {
                errors.Add("templateId", "Input.Invalid", "Field.Evaluation.Template");
            }
        }

        var grades = CheckGrades(r.Grades ?? CampaignRules.DefaultGrades(kind), errors);
        var components = CheckComponents(r.Components ?? CampaignRules.DefaultComponents(kind), errors);
        var vetoGrade = CheckVetoGrade(r.VetoGrade ?? (grades.Count > 0 ? grades[^1].Name : null), grades, errors);
        CheckTimes(r.OpensAt, r.ClosesAt, errors);
        errors.ThrowIfAny();

        var campaign = new EvaluationCampaign
        {
            OrganizationId = orgId,
            Title = title,
            Year = year,
            Kind = kind,
            SubjectKind = subjectKind,
            TemplateId = template!.Id,
            CriteriaJson = template.CriteriaJson,
            GradesJson = CampaignJson.Write(grades),
            ComponentsJson = CampaignJson.Write(components),
            VetoGrade = vetoGrade,
            OpensAt = r.OpensAt!.Value.ToUniversalTime(),
            ClosesAt = r.ClosesAt!.Value.ToUniversalTime(),
            Seed = EvaluatorDraw.NewSeed(),
        };
        db.EvaluationCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    public async Task UpdateAsync(int id, UpdateCampaignRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await access.DemandDraftAsync(id, ct);
        db.ExpectVersion(campaign, r.Version);
        var errors = new FieldErrors();
        var title = errors.Text("title", "Field.Evaluation.Title", r.Title, EvaluationCampaign.MaxTitleLength);
        var year = CheckYear(r.Year, errors);
        var subjectKind = CheckSubjectKind(r.SubjectKind, errors);
        var grades = CheckGrades(r.Grades ?? CampaignJson.Grades(campaign.GradesJson), errors);
        var components = CheckComponents(r.Components ?? CampaignJson.Components(campaign.ComponentsJson), errors);
        var vetoGrade = CheckVetoGrade(r.VetoGrade ?? campaign.VetoGrade, grades, errors);
        CheckTimes(r.OpensAt, r.ClosesAt, errors);
        errors.ThrowIfAny();
        campaign.Title = title;
        campaign.Year = year;
        campaign.SubjectKind = subjectKind;
        campaign.GradesJson = CampaignJson.Write(grades);
        campaign.ComponentsJson = CampaignJson.Write(components);
        campaign.VetoGrade = vetoGrade;
        campaign.OpensAt = r.OpensAt!.Value.ToUniversalTime();
        campaign.ClosesAt = r.ClosesAt!.Value.ToUniversalTime();
        await db.SaveChangesAsync(ct);
    }

    // Status

    /// <summary>考核预告 (EVA-8): Draft → Announced with the announcement text, once the campaign is ready.</summary>
    public async Task AnnounceAsync(int campaignId, AnnounceRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await access.DemandDraftAsync(campaignId, ct);
        db.ExpectVersion(campaign, r.Version);
        var errors = new FieldErrors();
        var text = errors.Text("announcement", "Field.Evaluation.Announcement", r.Announcement, EvaluationCampaign.MaxTextLength);
        var (subjects, weights) = await ReadinessAsync(campaignId, ct);
        errors.AddAll(CampaignRules.CheckReady(subjects, weights)).ThrowIfAny();
        campaign.Announce(text, clock.GetUtcNow(), subjects, weights);
        db.AuditAction = "EvaluationCampaign.Announced";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Announced → Open: each group's ballot box is created if codes have not made it yet, and opened.</summary>
    public async Task OpenAsync(int campaignId, StatusRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await ForStatusChangeAsync(campaignId, r.Version, CampaignStatus.Announced, ct);
        var (subjects, weights) = await ReadinessAsync(campaignId, ct);
        campaign.Open(subjects, weights);
        var groups = await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).ToListAsync(ct);
        foreach (var g in groups)
        {
            if (await boxes.FindAsync(g.BoxKey, ct) is null)
            {
                boxes.Create(g.BoxKey);
            }
        }

        db.AuditAction = "EvaluationCampaign.Opened";
        await db.SaveChangesAsync(ct);
        foreach (var g in groups)
        {
            await boxes.OpenAsync(g.BoxKey, ct);
        }
    }

    /// <summary>
    /// Open → Closed: every group's box closes for good (its responses shuffled). The campaign is marked closed first,
    /// and the boxes' close saves it only after the database's history of the responses' inserts is erased; if that
    /// cannot be done yet (<see cref="SecretHistoryBusyException"/>), nothing is saved and closing again finishes the job.
    /// </summary>
    public async Task CloseAsync(int campaignId, StatusRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await ForStatusChangeAsync(campaignId, r.Version, CampaignStatus.Open, ct);
        campaign.Close();
        db.AuditAction = "EvaluationCampaign.Closed";
        var groupKeys = (await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).Select(g => g.Id).ToListAsync(ct))
            .Select(EvaluationGroup.BoxKeyFor).ToList();
        var boxKeys = await db.BallotBoxes.AsNoTracking().Where(b => groupKeys.Contains(b.Key)).Select(b => b.Key).ToListAsync(ct);
        if (boxKeys.Count > 0)
        {
            await boxes.CloseAsync(boxKeys, ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
    }

    // Helpers

    /// <summary>The campaign, tracked, after Permission.EvaluationsRun and the status the change starts from, from the version the caller saw.</summary>
    private async Task<EvaluationCampaign> ForStatusChangeAsync(int campaignId, int version, CampaignStatus from, CancellationToken ct)
    {
        var t = await access.DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, from);
        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        db.ExpectVersion(campaign, version);
        return campaign;
    }

    /// <summary>What <see cref="CampaignRules.CheckReady"/> looks at: how many subjects, and the groups' weights.</summary>
    private async Task<(int Subjects, IReadOnlyList<decimal> Weights)> ReadinessAsync(int campaignId, CancellationToken ct) =>
        (await db.EvaluationSubjects.CountAsync(s => s.CampaignId == campaignId, ct),
            await db.EvaluationGroups.Where(g => g.CampaignId == campaignId).Select(g => g.Weight).ToListAsync(ct));

    private static int CheckYear(int? year, FieldErrors errors)
    {
        if (year is not { } y || y < CampaignRules.MinYear || y > CampaignRules.MaxYear)
        {
            errors.Add("year", "Input.OutOfRange", "Field.Evaluation.Year", CampaignRules.MinYear, CampaignRules.MaxYear);
            return 0;
        }

        return y;
    }

    private static SubjectKind CheckSubjectKind(SubjectKind? kind, FieldErrors errors)
    {
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add("subjectKind", "Input.Required", "Field.Evaluation.SubjectKind");
            return SubjectKind.Cadre;
        }

        return k;
    }

    private static void CheckTimes(DateTimeOffset? opens, DateTimeOffset? closes, FieldErrors errors)
    {
        if (opens is null)
        {
            errors.Add("opensAt", "Input.Required", "Field.Evaluation.OpensAt");
        }

        if (closes is null)
        {
            errors.Add("closesAt", "Input.Required", "Field.Evaluation.ClosesAt");
        }
        else if (opens is not null && closes <= opens)
        {
            errors.Add("closesAt", "Evaluation.ClosesBeforeOpens");
        }
    }

    private static IReadOnlyList<GradeRule> CheckGrades(IReadOnlyList<GradeRule> grades, FieldErrors errors)
    {
        var (checkedGrades, problems) = CampaignRules.CheckGrades(grades);
        errors.AddAll(problems);
        return checkedGrades;
    }

    private static ComponentWeights CheckComponents(ComponentWeights c, FieldErrors errors)
    {
        errors.AddAll(CampaignRules.CheckComponents(c));
        return c;
    }

    private static string CheckVetoGrade(string? vetoGrade, IReadOnlyList<GradeRule> grades, FieldErrors errors)
    {
        var v = vetoGrade?.Trim() ?? string.Empty;
        errors.AddAll(CampaignRules.CheckVetoGrade(v, grades));
        return v;
    }
}
