using Dangjian.Domain.Cadres.Selection;

namespace Dangjian.Data.Cadres;

/// <summary>
/// Anonymous publicity objections (CAD-5) are kept from the row audit: an audit entry's time would date the objection
/// to the second. The objection rows are never audited (DangjianDbContext.IsAuditedType) and neither is the trace entry
/// that records an anonymous one (its own instant is the start of the day, see the public form); named objections and
/// every answer and conclusion are audited as usual.
/// </summary>
public static class SelectionSecrecy
{
    public static bool IsAnonymousObjectionEntry(object entity) =>
        entity is SelectionTraceEntry { Step: SelectionStep.ObjectionReceived, GivenBy: null };
}
