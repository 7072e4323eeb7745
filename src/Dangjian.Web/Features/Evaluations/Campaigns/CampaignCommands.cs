using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// Setting up and running a campaign up to the close (EVA-3, EVA-8): create with frozen criteria, edit while Draft,
/// subjects, evaluator groups and their weights, the announcement (考核预告), open and close. Every change goes through
/// <see cref="CampaignAccess"/> (Access.Write on the campaign's organization) and is audited by its save.
/// </summary>
public sealed class CampaignCommands(
    DangjianDbContext db, CampaignAccess access, ScopeService scopes, BallotBoxService boxes, TimeProvider clock, EnumLabels labels)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

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

        await scopes.DemandAsync(Access.Write, orgId, ct);
        var title = errors.Text("title", "Field.Evaluation.Title", r.Title, EvaluationCampaign.MaxTitleLength);
        var year = CheckYear(r.Year, errors);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Evaluation.Kind");
            kind = CampaignKind.DemocraticEvaluation;
        }

        var subjectKind = CheckSubjectKind(r.SubjectKind, errors);
        EvaluationTemplate? template = null;
        if (r.TemplateId is not { } templateId)
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

        var grades = CheckGrades(r.Grades ?? DefaultGrades(kind), errors);
        var components = CheckComponents(r.Components ?? DefaultComponents(kind), errors);
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
            Status = CampaignStatus.Draft,
        };
        db.EvaluationCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    public async Task UpdateAsync(int id, UpdateCampaignRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await DraftAsync(id, ct);
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

    // Subjects

    public async Task<int> AddSubjectAsync(int campaignId, SubjectRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await DraftAsync(campaignId, ct);
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.Evaluation.SubjectName", r.Name, EvaluationSubject.MaxNameLength);
        var description = errors.Text("description", "Field.Evaluation.SubjectDescription", r.Description, 200, required: false);
        var scope = await scopes.GetAsync(ct);
        if (r.PersonId is { } personId)
        {
            var path = await (from p in db.People.AsNoTracking()
                              where p.Id == personId && !p.IsRemoved
                              join o in db.Organizations on p.OrganizationId equals o.Id
                              select o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Allows(Access.Read, path))
            {
                errors.Add("personId", "Input.UnknownPerson");
            }
        }

        if (r.OrganizationId is { } subjectOrg)
        {
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == subjectOrg).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Allows(Access.Read, path))
            {
                errors.Add("organizationId", "Input.UnknownOrganization");
            }
        }

        if (name.Length > 0 && await db.EvaluationSubjects.AnyAsync(s => s.CampaignId == campaignId && s.Name == name, ct))
        {
            errors.Add("name", "Evaluation.Duplicate", "Field.Evaluation.SubjectName", name);
        }

        errors.ThrowIfAny();
        var order = await NextSubjectOrderAsync(campaignId, ct);
        var subject = new EvaluationSubject
        {
            CampaignId = campaignId,
            Name = name,
            Description = description.Length == 0 ? null : description,
            PersonId = r.PersonId,
            SubjectOrganizationId = r.OrganizationId,
            Order = order,
        };
        db.EvaluationSubjects.Add(subject);
        await db.SaveChangesAsync(ct);
        return subject.Id;
    }

    /// <summary>
    /// Adds many subjects at once from the records: a team's current members, the branch secretaries under an
    /// organization, or a branch's full members (预备党员 take part as evaluators but are not graded, EVA-10). Names
    /// already among the subjects are skipped.
    /// </summary>
    public async Task<BulkSubjectsResult> AddSubjectsAsync(int campaignId, BulkSubjectsRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await DraftAsync(campaignId, ct);
        var errors = new FieldErrors();
        if (r.Source is not { } source || !Enum.IsDefined(source))
        {
            errors.Add("source", "Input.Required", "Field.Evaluation.Source");
        }

        if (r.OrganizationId is null)
        {
            errors.Add("organizationId", "Input.Required", "Field.Evaluation.SourceOrganization");
        }

        errors.ThrowIfAny();
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == r.OrganizationId, ct);
        if (org is null || !(await scopes.GetAsync(ct)).Allows(Access.Read, org.Path))
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.UnknownOrganization"));
        }

        var today = BeijingTime.Today(clock);
        var candidates = r.Source!.Value switch
        {
            SubjectSource.TeamMembers => await TeamMembersAsync(org, today, ct),
            SubjectSource.BranchSecretaries => await BranchSecretariesAsync(org, today, ct),
            _ => await BranchMembersAsync(org, ct),
        };

        var taken = (await db.EvaluationSubjects.Where(s => s.CampaignId == campaignId).Select(s => s.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var order = await NextSubjectOrderAsync(campaignId, ct);
        var added = 0;
        foreach (var c in candidates)
        {
            if (!taken.Add(c.Name))
            {
                continue;
            }

            db.EvaluationSubjects.Add(new EvaluationSubject
            {
                CampaignId = campaignId,
                Name = c.Name,
                Description = c.Description,
                PersonId = c.PersonId,
                SubjectOrganizationId = c.OrganizationId,
                Order = order++,
            });
            added++;
        }

        db.AuditAction = "EvaluationSubject.BulkAdded";
        await db.SaveChangesAsync(ct);
        return new BulkSubjectsResult(added, candidates.Count - added);
    }

    public async Task ReorderSubjectsAsync(int campaignId, ReorderRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await DraftAsync(campaignId, ct);
        var subjects = await db.EvaluationSubjects.Where(s => s.CampaignId == campaignId).ToListAsync(ct);
        var ids = r.SubjectIds ?? [];
        if (ids.Count != subjects.Count || ids.Distinct().Count() != ids.Count || !subjects.All(s => ids.Contains(s.Id)))
        {
            throw new InputValidationException(new FieldErrors().Add("subjectIds", "Evaluation.ReorderMismatch"));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            subjects.First(s => s.Id == ids[i]).Order = i + 1;
        }

        db.AuditAction = "EvaluationSubject.Reordered";
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveSubjectAsync(int subjectId, CancellationToken ct = default)
    {
        var t = await access.DemandSubjectAsync(subjectId, Access.Write, ct);
        DemandStatus(t.Status, CampaignStatus.Draft);
        await db.EvaluationSubjects.Where(s => s.Id == subjectId).LoadAsync(ct);
        db.EvaluationSubjects.Remove(db.EvaluationSubjects.Local.First(s => s.Id == subjectId));
        await db.SaveChangesAsync(ct);
    }

    // Groups

    public async Task<int> AddGroupAsync(int campaignId, GroupRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await DraftAsync(campaignId, ct);
        var (name, kind, weight) = await CheckGroupAsync(campaignId, null, r, ct);
        var order = (await db.EvaluationGroups.Where(g => g.CampaignId == campaignId).MaxAsync(g => (int?)g.Order, ct) ?? 0) + 1;
        var group = new EvaluationGroup { CampaignId = campaignId, Name = name, Kind = kind, Weight = weight, Order = order };
        db.EvaluationGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group.Id;
    }

    /// <summary>The usual groups for the campaign's kind (EVA-3): 班子成员 0.3 / 干部职工 0.4 / 群众代表 0.3, or 党员 1.0 for 民主评议党员.</summary>
    public static IReadOnlyList<(string Name, EvaluatorKind Kind, decimal Weight)> DefaultGroups(CampaignKind kind) =>
        kind == CampaignKind.MemberReview
            ? [("党员", EvaluatorKind.Members, 1m)]
            : [("班子成员", EvaluatorKind.TeamMembers, 0.3m), ("干部职工", EvaluatorKind.Staff, 0.4m), ("群众代表", EvaluatorKind.ResidentRepresentatives, 0.3m)];

    /// <summary>Adds the default groups the campaign does not have yet (by name).</summary>
    public async Task<int> AddDefaultGroupsAsync(int campaignId, CancellationToken ct = default)
    {
        var campaign = await DraftAsync(campaignId, ct);
        var existing = await db.EvaluationGroups.Where(g => g.CampaignId == campaignId).ToListAsync(ct);
        var order = existing.Count == 0 ? 0 : existing.Max(g => g.Order);
        var added = 0;
        foreach (var (name, kind, weight) in DefaultGroups(campaign.Kind))
        {
            if (existing.All(g => g.Name != name))
            {
                db.EvaluationGroups.Add(new EvaluationGroup { CampaignId = campaignId, Name = name, Kind = kind, Weight = weight, Order = ++order });
                added++;
            }
        }

        db.AuditAction = "EvaluationGroup.DefaultsAdded";
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task UpdateGroupAsync(int groupId, GroupRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = await access.DemandGroupAsync(groupId, Access.Write, ct);
        DemandStatus(t.Status, CampaignStatus.Draft);
        var group = await db.EvaluationGroups.FirstAsync(g => g.Id == groupId, ct);
        db.ExpectVersion(group, r.Version);
        var (name, kind, weight) = await CheckGroupAsync(t.CampaignId, groupId, r, ct);
        group.Name = name;
        group.Kind = kind;
        group.Weight = weight;
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveGroupAsync(int groupId, CancellationToken ct = default)
    {
        var t = await access.DemandGroupAsync(groupId, Access.Write, ct);
        DemandStatus(t.Status, CampaignStatus.Draft);
        var group = await db.EvaluationGroups.FirstAsync(g => g.Id == groupId, ct);
        if (await boxes.FindAsync(group.BoxKey, ct) is { CodesIssued: > 0 })
        {
            throw new InputValidationException(new FieldErrors().Add("group", "Evaluation.GroupHasCodes"));
        }

        await db.EvaluatorSamples.Where(s => s.GroupId == groupId).LoadAsync(ct);
        db.EvaluatorSamples.RemoveRange(db.EvaluatorSamples.Local.Where(s => s.GroupId == groupId).ToList());
        db.EvaluationGroups.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    // Status

    /// <summary>
    /// 考核预告 (EVA-8): Draft → Announced with the announcement text. Refused without subjects, without groups, or
    /// when the groups' weights do not sum to 1.
    /// </summary>
    public async Task AnnounceAsync(int campaignId, AnnounceRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await DraftAsync(campaignId, ct);
        db.ExpectVersion(campaign, r.Version);
        var errors = new FieldErrors();
        var text = errors.Text("announcement", "Field.Evaluation.Announcement", r.Announcement, EvaluationCampaign.MaxTextLength);
        await CheckReadyAsync(campaign, errors, ct);
        errors.ThrowIfAny();
        campaign.Announcement = text;
        campaign.AnnouncedAt = clock.GetUtcNow();
        campaign.Status = CampaignStatus.Announced;
        db.AuditAction = "EvaluationCampaign.Announced";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Announced → Open: each group's ballot box is created if codes have not made it yet, and opened.</summary>
    public async Task OpenAsync(int campaignId, StatusRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = await access.DemandCampaignAsync(campaignId, Access.Write, ct);
        DemandStatus(t.Status, CampaignStatus.Announced);
        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        db.ExpectVersion(campaign, r.Version);
        var errors = new FieldErrors();
        await CheckReadyAsync(campaign, errors, ct);
        errors.ThrowIfAny();
        var groups = await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).ToListAsync(ct);
        foreach (var g in groups)
        {
            if (await boxes.FindAsync(g.BoxKey, ct) is null)
            {
                boxes.Create(g.BoxKey);
            }
        }

        campaign.Status = CampaignStatus.Open;
        db.AuditAction = "EvaluationCampaign.Opened";
        await db.SaveChangesAsync(ct);
        foreach (var g in groups)
        {
            await boxes.OpenAsync(g.BoxKey, ct);
        }
    }

    /// <summary>Open → Closed: every group's box closes for good (its responses shuffled, BallotBoxService.CloseAsync).</summary>
    public async Task CloseAsync(int campaignId, StatusRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = await access.DemandCampaignAsync(campaignId, Access.Write, ct);
        DemandStatus(t.Status, CampaignStatus.Open);
        var campaign = await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
        db.ExpectVersion(campaign, r.Version);
        campaign.Status = CampaignStatus.Closed;
        db.AuditAction = "EvaluationCampaign.Closed";
        var groupKeys = (await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).Select(g => g.Id).ToListAsync(ct))
            .Select(EvaluationGroup.BoxKeyFor).ToList();
        var boxKeys = await db.BallotBoxes.AsNoTracking().Where(b => groupKeys.Contains(b.Key)).Select(b => b.Key).ToListAsync(ct);
        // The boxes close (shuffled, their history erased) and the campaign is saved closed in the same last save;
        // if the database cannot erase the history yet, the campaign stays open and closing again finishes it.
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

    public static IReadOnlyList<GradeRule> DefaultGrades(CampaignKind kind) => kind == CampaignKind.MemberReview ? GradeRule.MemberReview : GradeRule.Annual;

    public static ComponentWeights DefaultComponents(CampaignKind kind) =>
        kind is CampaignKind.DemocraticEvaluation or CampaignKind.MemberReview ? ComponentWeights.DemocraticOnly : ComponentWeights.Default;

    private async Task CheckReadyAsync(EvaluationCampaign campaign, FieldErrors errors, CancellationToken ct)
    {
        if (!await db.EvaluationSubjects.AnyAsync(s => s.CampaignId == campaign.Id, ct))
        {
            errors.Add("subjects", "Evaluation.NoSubjects");
        }

        var weights = await db.EvaluationGroups.Where(g => g.CampaignId == campaign.Id).Select(g => g.Weight).ToListAsync(ct);
        if (weights.Count == 0)
        {
            errors.Add("groups", "Evaluation.NoGroups");
        }
        else if (!CriteriaCheck.SumsToOne(weights))
        {
            errors.Add("groups.weight", "Evaluation.WeightsSum", "Field.Evaluation.GroupWeight", weights.Sum());
        }
    }

    private async Task<EvaluationCampaign> DraftAsync(int campaignId, CancellationToken ct)
    {
        var t = await access.DemandCampaignAsync(campaignId, Access.Write, ct);
        DemandStatus(t.Status, CampaignStatus.Draft);
        return await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
    }

    public static void DemandStatus(CampaignStatus actual, params CampaignStatus[] allowed)
    {
        if (!allowed.Contains(actual))
        {
            throw new InputValidationException(new FieldErrors().Add("status", "Evaluation.WrongStatus", "Evaluation.Status." + actual));
        }
    }

    private async Task<int> NextSubjectOrderAsync(int campaignId, CancellationToken ct) =>
        (await db.EvaluationSubjects.Where(s => s.CampaignId == campaignId).MaxAsync(s => (int?)s.Order, ct) ?? 0) + 1;

    private async Task<(string Name, EvaluatorKind Kind, decimal Weight)> CheckGroupAsync(int campaignId, int? groupId, GroupRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.Evaluation.GroupName", r.Name, EvaluationGroup.MaxNameLength);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Evaluation.GroupKind");
            kind = EvaluatorKind.Staff;
        }

        if (r.Weight is not { } weight || weight < 0 || weight > 1)
        {
            errors.Add("weight", "Input.OutOfRange", "Field.Evaluation.GroupWeight", 0, 1);
            weight = 0;
        }

        if (name.Length > 0 && await db.EvaluationGroups.AnyAsync(g => g.CampaignId == campaignId && g.Name == name && g.Id != groupId, ct))
        {
            errors.Add("name", "Evaluation.Duplicate", "Field.Evaluation.GroupName", name);
        }

        errors.ThrowIfAny();
        return (name, kind, weight);
    }

    private static int CheckYear(int? year, FieldErrors errors)
    {
        if (year is not { } y || y < MinYear || y > MaxYear)
        {
            errors.Add("year", "Input.OutOfRange", "Field.Evaluation.Year", MinYear, MaxYear);
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

    /// <summary>
    /// Grades (EVA-6, EVA-7): names non-empty and unique, Min 0–100 in strictly descending order, a quota a share
    /// 0–1 (the last grade may not carry one), a divisor ≥ 1, a bonus coefficient 0–10.
    /// </summary>
    public static IReadOnlyList<GradeRule> CheckGrades(IReadOnlyList<GradeRule> grades, FieldErrors errors)
    {
        if (grades.Count == 0)
        {
            errors.Add("grades", "Evaluation.NoGrades");
            return grades;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<GradeRule>();
        for (var i = 0; i < grades.Count; i++)
        {
            var g = grades[i];
            var name = errors.Text($"grades[{i}].name", "Field.Evaluation.GradeName", g?.Name, 50);
            if (name.Length > 0 && !names.Add(name))
            {
                errors.Add($"grades[{i}].name", "Evaluation.Duplicate", "Field.Evaluation.GradeName", name);
            }

            if (g is null)
            {
                continue;
            }

            if (g.Min is < 0 or > 100)
            {
                errors.Add($"grades[{i}].min", "Input.OutOfRange", "Field.Evaluation.GradeMin", 0, 100);
            }
            else if (i > 0 && grades[i - 1] is { } prev && g.Min >= prev.Min)
            {
                errors.Add($"grades[{i}].min", "Evaluation.GradesOrder");
            }

            if (g.Quota is { } q && (q < 0 || q > 1))
            {
                errors.Add($"grades[{i}].quota", "Input.OutOfRange", "Field.Evaluation.GradeQuota", 0, 1);
            }
            else if (g.Quota is not null && i == grades.Count - 1)
            {
                errors.Add($"grades[{i}].quota", "Evaluation.LastGradeQuota");
            }

            if (g.QuotaDivisor < 1)
            {
                errors.Add($"grades[{i}].quotaDivisor", "Input.OutOfRange", "Field.Evaluation.GradeQuota", 1, 100);
            }

            if (g.BonusCoefficient is { } b && (b < 0 || b > 10))
            {
                errors.Add($"grades[{i}].bonusCoefficient", "Input.OutOfRange", "Field.Evaluation.GradeBonus", 0, 10);
            }

            result.Add(g with { Name = name });
        }

        return result;
    }

    public static ComponentWeights CheckComponents(ComponentWeights c, FieldErrors errors)
    {
        decimal[] all = [c.Achievement, c.Democratic, c.Inspection];
        if (all.Any(w => w < 0))
        {
            errors.Add("components", "Input.OutOfRange", "Field.Evaluation.Components", 0, 1);
        }
        else if (!CriteriaCheck.SumsToOne(all))
        {
            errors.Add("components", "Evaluation.WeightsSum", "Field.Evaluation.Components", all.Sum());
        }

        return c;
    }

    private static string CheckVetoGrade(string? vetoGrade, IReadOnlyList<GradeRule> grades, FieldErrors errors)
    {
        var v = vetoGrade?.Trim() ?? string.Empty;
        if (grades.Count > 0 && !grades.Any(g => g.Name == v))
        {
            errors.Add("vetoGrade", "Evaluation.VetoGradeUnknown", v);
        }

        return v;
    }

    private sealed record Candidate(string Name, string? Description, int? PersonId, int? OrganizationId);

    private async Task<List<Candidate>> TeamMembersAsync(Organization org, DateOnly today, CancellationToken ct)
    {
        var team = await db.LeadershipTeams.AsNoTracking().Include(t => t.Positions)
            .Where(t => t.OrganizationId == org.Id && t.StartsOn <= today && t.EndsOn >= today).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            return [];
        }

        var ids = team.Positions.Select(p => p.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !p.IsRemoved).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return team.Positions.OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Where(p => people.ContainsKey(p.PersonId))
            .Select(p => new Candidate(people[p.PersonId], $"{org.Name} {labels.Of(p.Role)}", p.PersonId, null)).ToList();
    }

    private async Task<List<Candidate>> BranchSecretariesAsync(Organization org, DateOnly today, CancellationToken ct)
    {
        var rows = await (from o in db.Organizations.AsNoTracking()
                          where o.Path.StartsWith(org.Path) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active
                          join t in db.LeadershipTeams on o.Id equals t.OrganizationId
                          where t.StartsOn <= today && t.EndsOn >= today
                          join pos in db.TeamPositions on t.Id equals pos.TeamId
                          where pos.Role == TeamRole.Secretary
                          join p in db.People on pos.PersonId equals p.Id
                          where !p.IsRemoved
                          orderby o.SortOrder, o.Id
                          select new { p.Name, p.Id, OrgName = o.Name }).ToListAsync(ct);
        return rows.Select(x => new Candidate(x.Name, $"{x.OrgName} {labels.Of(TeamRole.Secretary)}", x.Id, null)).ToList();
    }

    private async Task<List<Candidate>> BranchMembersAsync(Organization org, CancellationToken ct)
    {
        var rows = await db.People.AsNoTracking()
            .Where(p => p.OrganizationId == org.Id && !p.IsRemoved && p.Status == MemberStatus.Full)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return rows.Select(x => new Candidate(x.Name, org.Name, x.Id, null)).ToList();
    }
}
