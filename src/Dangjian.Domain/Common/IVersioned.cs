namespace Dangjian.Domain.Common;

/// <summary>
/// An entity edited by people through forms: its <see cref="Version"/> goes up by one on every save,
/// and a save that started from an older version is refused (optimistic concurrency), so two admins
/// editing the same record at once get a conflict instead of a silent overwrite.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
