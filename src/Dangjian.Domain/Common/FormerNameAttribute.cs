namespace Dangjian.Domain.Common;

/// <summary>
/// A name an enum value went by before it was renamed to follow the project's one-name-per-term glossary. Values are
/// stored and sent as their names, so what reads a client's input accepts the former name as well; a data migration
/// rewrote the stored ones.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class FormerNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
