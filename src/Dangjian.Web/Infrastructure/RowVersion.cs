namespace Dangjian.Web.Infrastructure;

/// <summary>One ticked row of a bulk request: the record and the version the page showed (a stale one is a 409, DESIGN.md "Conflicts").</summary>
public sealed record RowVersion(int Id, int Version);
