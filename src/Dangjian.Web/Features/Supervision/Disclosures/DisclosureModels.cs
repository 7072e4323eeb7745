using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Supervision.Disclosures;

/// <summary>Strings of the 三务公开 pages and export (DisclosureText.resx, DisclosureText.en.resx).</summary>
public sealed class DisclosureText;

// ---- Requests

/// <summary>An item an organization published on its board, and the day it did (not after today).</summary>
public sealed record PublishDisclosureRequest(int? OrganizationId, DisclosureCategory? Category, string? Title, string? Content, DateOnly? PublishedOn);

// ---- Views

/// <summary>One item as staff see it.</summary>
public sealed record DisclosureView(
    int Id, int OrganizationId, string OrganizationName, DisclosureCategory Category, string Title, string Content, DateOnly PublishedOn,
    int Year, int Quarter, int Version);

/// <summary>An organization of the subtree and how many items it published in the quarter (of the category, when one is named).</summary>
public sealed record DisclosureOrganizationCount(int OrganizationId, string OrganizationName, int Published);

/// <summary>
/// A subtree's quarter: its items (one page, newest first), every organization with its count, and those with nothing
/// published (<see cref="Dangjian.Domain.Supervision.Disclosures.NotPublished"/>).
/// </summary>
public sealed record DisclosureQuarterView(
    int OrganizationId, string OrganizationName, int Year, int Quarter, DisclosureCategory? Category, Paged<DisclosureView> Items,
    IReadOnlyList<DisclosureOrganizationCount> Organizations, IReadOnlyList<DisclosureOrganizationCount> NotPublished, bool CanWrite);

/// <summary>One item as the public board shows it: no id, no person.</summary>
public sealed record PublicDisclosureItem(DisclosureCategory Category, string Title, string Content, DateOnly PublishedOn);

/// <summary>One quarter of the public archive.</summary>
public sealed record PublicDisclosureQuarter(int Year, int Quarter, IReadOnlyList<PublicDisclosureItem> Items);

/// <summary>An organization's public board: the current quarter's items and the earlier quarters.</summary>
public sealed record PublicDisclosureBoard(string OrganizationName, PublicDisclosureQuarter Current, IReadOnlyList<PublicDisclosureQuarter> Archive);
