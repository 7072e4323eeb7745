namespace Dangjian.Domain.Audit;

/// <summary>
/// One entry of the append-only audit log (ORG-7): who did what to which record, with the record
/// before and after (JSON), chained to the entry before it by SHA-256 (<see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… without gaps: a missing number is a removed entry.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, whole milliseconds (what both SQLite and PostgreSQL keep exactly).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The account's user name, or "system"/"cli" for work nobody signed in for.</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>Created, Updated, Deleted, or a named action ("Organization.Moved", "Roster.Imported").</summary>
    public string Action { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>Hex SHA-256 of the entry before; 64 zeros for the first.</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>Hex SHA-256 over this entry's fields and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = string.Empty;
}
