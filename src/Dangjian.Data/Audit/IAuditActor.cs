namespace Dangjian.Data.Audit;

/// <summary>Who is making the changes being saved: the signed-in account, or a named process.</summary>
public interface IAuditActor
{
    string Name { get; }
}

public sealed class FixedAuditActor(string name) : IAuditActor
{
    public static readonly FixedAuditActor System = new("system");

    public string Name { get; } = name;
}
