namespace Dangjian.Web.Components.Common;

/// <summary>A person picked by <see cref="PersonPicker"/>: who, and the organization whose rolls they are on.</summary>
public sealed record PickedPerson(int Id, string Name, string? OrganizationName);
