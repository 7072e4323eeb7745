using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>公推公选 / 公推直选 (ELE-15): a selection for one post, its stages recorded strictly in order.</summary>
public sealed class SelectionCommands(DangjianDbContext db, ProjectAccess access)
{
    public async Task<int> CreateAsync(int id, SelectionRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var errors = new FieldErrors();
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Kind");
        }

        var post = errors.Text("post", "Field.Post", r.Post, PublicSelection.MaxPostLength);
        errors.ThrowIfAny();
        var selection = new PublicSelection { ProjectId = id, Kind = r.Kind!.Value, Post = post };
        db.PublicSelections.Add(selection);
        await db.SaveChangesAsync(ct);
        return selection.Id;
    }

    public async Task RecordStageAsync(int id, int selectionId, StageRecordRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var selection = await db.PublicSelections.Include(s => s.Records).FirstOrDefaultAsync(s => s.Id == selectionId && s.ProjectId == id, ct)
            ?? throw new NotFoundException("selection", selectionId);
        db.ExpectVersion(selection, r.Version);
        var errors = new FieldErrors();
        if (r.Stage is not { } stage || !Enum.IsDefined(stage))
        {
            errors.Add("stage", "Input.Required", "Field.Stage");
        }

        if (r.RecordedOn is null)
        {
            errors.Add("recordedOn", "Input.Required", "Field.RecordedOn");
        }

        var summary = errors.Text("summary", "Field.Summary", r.Summary, SelectionStageRecord.MaxTextLength);
        var passed = errors.Text("passed", "Field.Passed", r.Passed, SelectionStageRecord.MaxTextLength, required: false);
        errors.ThrowIfAny();
        var refusal = SelectionPipeline.Refusal(selection.Records.Select(x => (x.Stage, x.RecordedOn)).ToList(), r.Stage!.Value, r.RecordedOn!.Value);
        if (refusal is not null)
        {
            throw new DomainRuleException($"Election.Stage{refusal}", refusal == "BeforePrevious" ? "recordedOn" : "stage");
        }

        selection.Records.Add(new SelectionStageRecord
        {
            Stage = r.Stage.Value, RecordedOn = r.RecordedOn.Value, Summary = summary, Passed = passed.Length == 0 ? null : passed,
        });

        // A new stage alone does not touch the selection row; mark it so its version moves and a second recorder conflicts.
        db.Entry(selection).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}
