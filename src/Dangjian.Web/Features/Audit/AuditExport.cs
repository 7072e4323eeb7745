using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Audit;

/// <summary>
/// The audit log as .xlsx (RPT-2): every entry the record type and actor filter select, newest first, with the values
/// before and after as the page's details show them; read through <see cref="AuditLogService"/>, so only a district
/// administrator gets it.
/// </summary>
public sealed class AuditExport(AuditLogService audit, IStringLocalizer<AuditText> text, OrgClock clock)
{
    public async Task<byte[]> ListAsync(string? entityType, string? actor, CancellationToken ct = default)
    {
        var rows = await ListSheet.AllPagesAsync((page, size) => audit.ListAsync(entityType, actor, page, size, ct));
        return await ListSheet.SaveAsync<AuditRow>(text["Sheet"], rows,
        [
            (text["Col.Sequence"], r => r.Sequence),
            (text["Col.At"], r => clock.FormatWithSeconds(r.At)),
            (text["Col.Actor"], r => ExcelFile.Safe(ActorName.IsSystem(r.Actor) ? text["Actor.System"].Value : r.Actor)),
            (text["Col.Action"], r => ExcelFile.Safe(ActionLabel(r.Action))),
            (text["Col.Entity"], r => ExcelFile.Safe(EntityLabel(r.EntityType))),
            (text["Col.EntityId"], r => ExcelFile.Safe(r.EntityId)),
            (text["Before"], r => ExcelFile.Safe(r.Before)),
            (text["After"], r => ExcelFile.Safe(r.After)),
            (text["Col.Hash"], r => r.Hash),
        ], ct);
    }

    /// <summary>As the page labels an action (AuditPage.ActionLabel): its own label, else what it acted on and what it did.</summary>
    private string ActionLabel(string action)
    {
        if (text[$"Action.{action}"] is { ResourceNotFound: false } s)
        {
            return s.Value;
        }

        var dot = action.LastIndexOf('.');
        return dot > 0 && text[$"Verb.{action[(dot + 1)..]}"] is { ResourceNotFound: false } verb
            ? text["ActionOf", EntityLabel(action[..dot]), verb.Value]
            : action;
    }

    private string EntityLabel(string type) => text[$"Entity.{type}"] is { ResourceNotFound: false } s ? s.Value : type;
}
