namespace Dangjian.Domain.People;

/// <summary>党员 (正式 / 预备) or 群众 (ORG-3).</summary>
public enum MemberStatus
{
    /// <summary>正式党员</summary>
    Full = 0,

    /// <summary>预备党员</summary>
    Probationary = 1,

    /// <summary>群众 — a resident who is not a party member.</summary>
    Resident = 2,
}

public enum Gender
{
    Male = 1,
    Female = 2,
}

public static class MemberStatuses
{
    public static bool IsMember(this MemberStatus status) => status != MemberStatus.Resident;
}
