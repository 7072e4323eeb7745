using Microsoft.AspNetCore.Identity;

namespace Dangjian.Data.Accounts;

/// <summary>A sign-in account (ORG-5), usually tied to a person on a roster.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public int? PersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
