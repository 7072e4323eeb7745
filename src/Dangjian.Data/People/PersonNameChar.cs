using Dangjian.Domain.People;

namespace Dangjian.Data.People;

/// <summary>
/// One character of a person's name, with the roster's order (name, id) and the columns its filters test: the roster's
/// name search ("王", "建国") reads the entries of one character of what was typed, already in name order, instead of
/// every name on the roster (ORG-3 at a million people; no trigram index helps a one- or two-character Chinese name).
/// The database keeps it: triggers on People write an entry per distinct character of a person on the roster (not
/// removed) and take them away when the name, organization, status, cadre mark or removal changes (migration
/// <c>RosterSearch</c>).
/// </summary>
public sealed class PersonNameChar
{
    /// <summary>One Unicode character (code point) of <see cref="Name"/>.</summary>
    public string Character { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int PersonId { get; set; }

    public int OrganizationId { get; set; }

    public MemberStatus Status { get; set; }

    public bool IsCadre { get; set; }
}
