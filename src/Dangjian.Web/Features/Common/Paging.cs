using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Common;

/// <summary>A page of a server-side paged list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// A checked page request: <see cref="Skip"/> rows come before it. Computed in 64 bits and capped at int.MaxValue, so a
/// page far past the end is empty rather than an overflowed (negative) offset that would show the first page again.
/// </summary>
public readonly record struct PageWindow(int Page, int PageSize)
{
    public int Skip => (int)Math.Min(((long)Page - 1) * PageSize, int.MaxValue);

    /// <summary>Where the page ends among <paramref name="total"/> rows.</summary>
    public long End(long total) => Math.Min((long)Skip + PageSize, total);

    /// <summary>Whether fewer rows follow the page than come before it, among <paramref name="total"/>.</summary>
    public bool NearerEnd(long total) => Skip > total - End(total);

    /// <summary>How many rows a read from the page's nearer end passes up to its far edge.</summary>
    public long Need(long total) => NearerEnd(total) ? total - Skip : End(total);

    public void Deconstruct(out int page, out int pageSize) => (page, pageSize) = (Page, PageSize);
}

/// <summary>Paging input, checked the same way everywhere: page from 1, 1–200 rows.</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static PageWindow Check(int? page, int? pageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var s = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            errors.Add("page", "Input.OutOfRange", "Field.Page", 1, int.MaxValue);
        }

        if (s is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", "Input.OutOfRange", "Field.PageSize", 1, MaxPageSize);
        }

        return new PageWindow(p, s);
    }
}
