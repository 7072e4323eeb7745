namespace Dangjian.Domain.Organizations;

public enum OrganizationStatus
{
    Active = 0,

    /// <summary>撤销 — dissolved; kept with its history, never deleted (DESIGN.md "Nothing lost").</summary>
    Dissolved = 1,
}
