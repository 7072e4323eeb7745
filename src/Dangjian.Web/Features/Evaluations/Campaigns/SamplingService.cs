using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// Random sampling of a group's evaluators (EVA-4) with <see cref="EvaluatorDraw"/> and the campaign's published seed:
/// from the members (正式、预备党员) of an organization's subtree, or from an uploaded residents' list. The drawn list
/// (keys and names, never an ID number) is stored in rank order; a redraw is allowed only while the campaign is a Draft
/// and replaces the sample (the audit log keeps both).
/// </summary>
public sealed class SamplingService(
    DangjianDbContext db, CampaignAccess access, ScopeService scopes, IOptions<DangjianOptions> options, OrgClock clock, IStringLocalizer<CampaignText> text)
{
    public const int MaxRows = 100_000;
    public const string DrawnAction = "EvaluationGroup.Drawn";

    private sealed record Entry(string Key, string Name, string? Stratum);

    /// <summary>Draws from the members of an organization's subtree; stratum = the member's own organization (支部).</summary>
    public async Task<SampleView> DrawMembersAsync(int groupId, DrawMembersRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = await access.DemandGroupAsync(groupId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, CampaignStatus.Draft);
        var errors = new FieldErrors();
        if (r.OrganizationId is not { } orgId)
        {
            errors.Add("organizationId", "Input.Required", "Field.Evaluation.SourceOrganization");
            errors.ThrowIfAny();
            return null!;
        }

        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !(await scopes.GetAsync(ct)).Allows(Permission.PeopleRead, org.Path))
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.UnknownOrganization"));
        }

        var rows = await (from p in db.People.AsNoTracking()
                          join o in db.Organizations on p.OrganizationId equals o.Id
                          where o.Path.StartsWith(org.Path) && !p.IsRemoved && (p.Status == MemberStatus.Full || p.Status == MemberStatus.Probationary)
                          select new { p.Id, p.Name, OrgName = o.Name, o.Code }).ToListAsync(ct);
        var ambiguous = rows.GroupBy(x => x.OrgName).Where(g => g.Select(x => x.Code).Distinct().Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var population = rows.Select(x => new Entry(
            x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name, ambiguous.Contains(x.OrgName) ? $"{x.OrgName}（{x.Code}）" : x.OrgName)).ToList();
        var note = text["Draw.MembersNote", org.Name, DateText.Format(clock.Today), population.Count].Value;
        return await DrawAsync(groupId, population, r.Count, r.Stratified, note, ct);
    }

    /// <summary>
    /// Draws from an uploaded residents' list (.xlsx with the columns 编号, 姓名, 分层 — see the template): all or
    /// nothing, every bad row named. The list itself is not kept, only the drawn entries and the population note.
    /// </summary>
    public async Task<SampleView> DrawResidentsAsync(int groupId, Stream xlsx, int? count, bool stratified, string? fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        var t = await access.DemandGroupAsync(groupId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, CampaignStatus.Draft);
        var population = await ReadResidentsAsync(xlsx, stratified, ct);
        var name = string.IsNullOrWhiteSpace(fileName) ? text["Draw.ResidentsFile"].Value : Path.GetFileName(fileName);
        var note = text["Draw.ResidentsNote", name, DateText.Format(clock.Today), population.Count].Value;
        return await DrawAsync(groupId, population, count, stratified, note, ct);
    }

    /// <summary>The residents' list template: a header row and two example lines.</summary>
    public async Task<byte[]> ResidentsTemplateAsync(CancellationToken ct = default)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { [text["Residents.Key"]] = "1", [text["Residents.Name"]] = "张三", [text["Residents.Stratum"]] = "东关社区" },
            new() { [text["Residents.Key"]] = "2", [text["Residents.Name"]] = "李四", [text["Residents.Stratum"]] = "西街社区" },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Residents.Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    private async Task<List<Entry>> ReadResidentsAsync(Stream xlsx, bool stratified, CancellationToken ct)
    {
        var max = options.Value.MaxUploadBytes;
        using var file = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await xlsx.ReadAsync(buffer, ct)) > 0)
        {
            if (file.Length + read > max)
            {
                throw new InputValidationException(new FieldErrors().Add("file", "Import.TooLarge", max / (1024 * 1024)));
            }

            file.Write(buffer, 0, read);
        }

        file.Position = 0;
        var inspection = XlsxPackage.Inspect(file, max * 20);
        if (!inspection.IsWorkbook)
        {
            throw new InputValidationException(new FieldErrors().Add("file", "Import.NotXlsx"));
        }

        if (inspection.TooLarge)
        {
            throw new InputValidationException(new FieldErrors().Add("file", "Import.TooLargeUnpacked"));
        }

        var errors = new FieldErrors();
        foreach (var f in inspection.Formulas.Take(100))
        {
            errors.Add($"rows[{f.Row}]", "Import.Formula", f.Reference);
        }

        errors.ThrowIfAny();
        file.Position = 0;
        var entries = new List<Entry>();
        (string? Key, string? Name, string? Stratum)? columns = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var row = 0;
        try
        {
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                row++;
                var values = cells.ToDictionary(c => c.Key, c => Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? string.Empty);
                if (values.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                if (columns is null)
                {
                    string? Find(params string[] names) => values.FirstOrDefault(v => names.Contains(v.Value, StringComparer.OrdinalIgnoreCase)).Key;
                    columns = (Find("编号", "key", text["Residents.Key"]), Find("姓名", "name", text["Residents.Name"]), Find("分层", "stratum", text["Residents.Stratum"]));
                    if (columns.Value.Key is null)
                    {
                        errors.Add("file", "Import.MissingColumn", text["Residents.Key"].Value);
                    }

                    if (columns.Value.Name is null)
                    {
                        errors.Add("file", "Import.MissingColumn", text["Residents.Name"].Value);
                    }

                    if (stratified && columns.Value.Stratum is null)
                    {
                        errors.Add("file", "Import.MissingColumn", text["Residents.Stratum"].Value);
                    }

                    errors.ThrowIfAny();
                    continue;
                }

                if (entries.Count == MaxRows)
                {
                    throw new InputValidationException(new FieldErrors().Add("file", "Import.TooManyRows", MaxRows));
                }

                var key = values.GetValueOrDefault(columns.Value.Key!) ?? string.Empty;
                var name = values.GetValueOrDefault(columns.Value.Name!) ?? string.Empty;
                var stratum = columns.Value.Stratum is { } s ? values.GetValueOrDefault(s) ?? string.Empty : string.Empty;
                if (key.Length == 0)
                {
                    errors.Add($"rows[{row}].key", "Evaluation.RowRequired", row, text["Residents.Key"].Value);
                }
                else if (key.Length > EvaluatorSample.MaxKeyLength)
                {
                    errors.Add($"rows[{row}].key", "Import.CellTooLong", EvaluatorSample.MaxKeyLength);
                }
                else if (!keys.Add(key))
                {
                    errors.Add($"rows[{row}].key", "Evaluation.RowDuplicateKey", row, key);
                }

                if (name.Length == 0)
                {
                    errors.Add($"rows[{row}].name", "Evaluation.RowRequired", row, text["Residents.Name"].Value);
                }
                else if (name.Length > 100)
                {
                    errors.Add($"rows[{row}].name", "Import.CellTooLong", 100);
                }

                if (stratified && stratum.Length == 0)
                {
                    errors.Add($"rows[{row}].stratum", "Evaluation.RowRequired", row, text["Residents.Stratum"].Value);
                }
                else if (stratum.Length > 100)
                {
                    errors.Add($"rows[{row}].stratum", "Import.CellTooLong", 100);
                }

                entries.Add(new Entry(key, name, stratum.Length == 0 ? null : stratum));
            }
        }
        catch (Exception e) when (e is not InputValidationException and not OperationCanceledException)
        {
            throw new InputValidationException(new FieldErrors().Add("file", "Import.NotXlsx"));
        }

        if (columns is null || entries.Count == 0)
        {
            errors.Add("file", "Import.Empty");
        }

        errors.ThrowIfAny();
        return entries;
    }

    private async Task<SampleView> DrawAsync(int groupId, List<Entry> population, int? count, bool stratified, string note, CancellationToken ct)
    {
        var group = await db.EvaluationGroups.FirstAsync(g => g.Id == groupId, ct);
        var seed = await db.EvaluationCampaigns.Where(c => c.Id == group.CampaignId).Select(c => c.Seed).FirstAsync(ct);
        var errors = new FieldErrors();
        if (count is not { } n || n < 1 || n > population.Count)
        {
            errors.Add("count", "Input.OutOfRange", "Field.Evaluation.SampleCount", 1, Math.Max(1, population.Count));
            errors.ThrowIfAny();
            return null!;
        }

        var entries = population.Select(e => new DrawEntry(e.Key, e.Stratum)).ToList();
        if (stratified)
        {
            foreach (var e in EvaluatorDraw.CheckStratified(seed, entries, n, null))
            {
                errors.Add(e.Field.StartsWith("population", StringComparison.Ordinal) ? "stratum" : e.Field, "Evaluation.DrawRefused", e.Message);
            }
        }

        errors.ThrowIfAny();
        var keys = stratified ? EvaluatorDraw.DrawStratified(seed, entries, n) : EvaluatorDraw.Draw(seed, entries, n);
        var byKey = population.ToDictionary(e => e.Key, StringComparer.Ordinal);

        var replaced = await db.EvaluatorSamples.CountAsync(s => s.GroupId == groupId, ct);
        for (var i = 0; i < keys.Count; i++)
        {
            var e = byKey[keys[i]];
            db.EvaluatorSamples.Add(new EvaluatorSample { GroupId = groupId, Key = e.Key, Name = e.Name, Stratum = e.Stratum, Rank = i + 1 });
        }

        group.SampleSize = n;
        group.Stratified = stratified;
        group.PopulationNote = note.Length > 500 ? note[..500] : note;
        db.AuditAction = DrawnAction;
        db.AddAuditEvent(DrawnAction, nameof(EvaluationGroup), groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { seed, count = n, stratified, population = population.Count, replaced, note });
        // The old sample goes and the new one comes in one transaction (they may share keys); the audit entry above records the replacement.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.EvaluatorSamples.Where(s => s.GroupId == groupId).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return new SampleView(groupId, group.Name, group.CampaignId, string.Empty, seed, n, stratified, group.PopulationNote,
            keys.Select((k, i) => new DrawnEvaluator(i + 1, k, byKey[k].Name, byKey[k].Stratum)).ToList());
    }
}
