using System.Linq.Expressions;
using System.Reflection;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Reviews;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reviews;

/// <summary>
/// Reads of work reviews (复盘, REV-1) inside the caller's scope: a review is read with Reviews.Read on its organization.
/// The list searches the whole text of each review so a lesson can be found again years later.
/// </summary>
public sealed class ReviewQueries(DangjianDbContext db, ScopeService scopes, ReviewSubjects subjects)
{
    /// <summary>Most terms a search takes: beyond that a query only grows slower, not more precise.</summary>
    public const int MaxTerms = 10;

    /// <summary>The longest search text taken.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Most rows in one export.</summary>
    public const int MaxExportRows = 10_000;

    /// <summary>Reviews under the filter, newest first (by the day reviewed, then the latest written).</summary>
    public async Task<Paged<ReviewRow>> ListAsync(ReviewFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var query = await FilteredAsync(filter, errors, ct);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.Skip(window.Skip).Take(window.PageSize), ct);
        return new Paged<ReviewRow>(rows, total, window.Page, window.PageSize);
    }

    /// <summary>Every review under the filter (up to <see cref="MaxExportRows"/>), for the Excel export.</summary>
    public async Task<IReadOnlyList<ReviewView>> AllAsync(ReviewFilter filter, CancellationToken ct = default)
    {
        var query = await FilteredAsync(filter, new FieldErrors(), ct);
        var rows = await query.Take(MaxExportRows).Select(x => new { x.Review, x.OrganizationName }).ToListAsync(ct);
        var views = await subjects.ViewsAsync(rows.Where(r => r.Review.SubjectKind != null).Select(r => (r.Review.SubjectKind!.Value, r.Review.SubjectId!.Value)), ct);
        return [.. rows.Select(r => View(r.Review, r.OrganizationName, Subject(views, r.Review), mayWrite: false))];
    }

    /// <summary>One review whole.</summary>
    public async Task<ReviewView> GetAsync(int id, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(id, Permission.ReviewsRead, ct);
        var review = await db.WorkReviews.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        var views = review.SubjectKind is { } kind
            ? await subjects.ViewsAsync([(kind, review.SubjectId!.Value)], ct)
            : new Dictionary<(ReviewSubjectKind, int), ReviewSubjectView>();
        return View(review, orgName, Subject(views, review), await scopes.MayAsync(Permission.ReviewsWrite, orgId, ct));
    }

    /// <summary>The organization of a review, after checking the caller may do <paramref name="permission"/> there.</summary>
    public async Task<int> DemandAsync(int id, Permission permission, CancellationToken ct = default)
    {
        var orgId = await db.WorkReviews.AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "work review", id, permission, ct);
        return orgId!.Value;
    }

    /// <summary>
    /// A record a review may be attached to, as the card on its page and the new-review form show it: its title, its
    /// organization, and whether the caller may write a review of it. Reading it needs Reviews.Read on its organization.
    /// </summary>
    public async Task<(ReviewSubjectView Subject, int OrganizationId, bool MayWrite)> SubjectAsync(ReviewSubjectKind kind, int id, CancellationToken ct = default)
    {
        var found = Enum.IsDefined(kind) ? await subjects.FindAsync(kind, id, ct) : null;
        await scopes.DemandRecordAsync(found?.OrganizationId, "review subject", id, Permission.ReviewsRead, ct);
        var (orgId, title) = found!.Value;
        return (new ReviewSubjectView(kind, id, title, ReviewSubjects.Href(kind, id)), orgId, await scopes.MayAsync(Permission.ReviewsWrite, orgId, ct));
    }

    /// <summary>Whitespace-separated search terms, lower-cased (the comparison lower-cases the text too).</summary>
    public static IReadOnlyList<string> Terms(string? q) =>
        q is null ? [] : [.. q.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    private async Task<IQueryable<Listed>> FilteredAsync(ReviewFilter f, FieldErrors errors, CancellationToken ct)
    {
        if (f.Year is { } y && (y < SaneDates.MinDay.Year || y > SaneDates.MaxDay.Year))
        {
            errors.Add("year", "Input.OutOfRange", "Field.Year", SaneDates.MinDay.Year, SaneDates.MaxDay.Year);
        }

        errors.SaneDay("from", "Field.Review.From", f.From);
        errors.SaneDay("to", "Field.Review.To", f.To);
        if ((f.SubjectKind is null) != (f.SubjectId is null) || f.SubjectKind is { } k && !Enum.IsDefined(k))
        {
            errors.Add("subjectKind", "Input.Invalid", "Field.Review.Subject");
        }

        var terms = Terms(f.Q);
        if (f.Q?.Length > MaxQueryLength || terms.Count > MaxTerms)
        {
            errors.Add("q", "Input.TooLong", "Field.Review.Search", MaxQueryLength);
        }

        errors.ThrowIfAny();
        var orgs = await scopes.OrganizationsAsync(Permission.ReviewsRead, ct);
        if (f.OrganizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.ReviewsRead, orgId, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
            orgs = orgs.Where(o => o.Path.StartsWith(path));
        }

        var reviews = db.WorkReviews.AsNoTracking();
        if (f.SubjectKind is { } kind)
        {
            reviews = reviews.Where(r => r.SubjectKind == kind && r.SubjectId == f.SubjectId);
        }

        var from = f.Year is { } year ? new DateOnly(year, 1, 1) : f.From;
        var to = f.Year is { } year2 ? new DateOnly(year2, 12, 31) : f.To;
        if (from is { } start)
        {
            reviews = reviews.Where(r => r.HeldOn >= start);
        }

        if (to is { } end)
        {
            reviews = reviews.Where(r => r.HeldOn <= end);
        }

        // Every term in some text field (Matches): the comparison lower-cases both sides, and Contains is a literal
        // substring test on both providers (SQLite instr, PostgreSQL strpos), so % and _ in a term mean themselves.
        foreach (var term in terms)
        {
            reviews = reviews.Where(Matches(term));
        }

        return reviews.Join(orgs, r => r.OrganizationId, o => o.Id, (r, o) => new Listed { Review = r, OrganizationName = o.Name })
            .OrderByDescending(x => x.Review.HeldOn).ThenByDescending(x => x.Review.Id);
    }

    private async Task<IReadOnlyList<ReviewRow>> Rows(IQueryable<Listed> query, CancellationToken ct)
    {
        var rows = await query.ToListAsync(ct);
        var views = await subjects.ViewsAsync(rows.Where(r => r.Review.SubjectKind != null).Select(r => (r.Review.SubjectKind!.Value, r.Review.SubjectId!.Value)), ct);
        return [.. rows.Select(x => new ReviewRow(
            x.Review.Id, x.Review.OrganizationId, x.OrganizationName, x.Review.Title, x.Review.HeldOn, x.Review.Place, Subject(views, x.Review), x.Review.Summary))];
    }

    private static ReviewSubjectView? Subject(IReadOnlyDictionary<(ReviewSubjectKind, int), ReviewSubjectView> views, WorkReview r) =>
        r.SubjectKind is { } kind && views.TryGetValue((kind, r.SubjectId!.Value), out var v) ? v : null;

    private static ReviewView View(WorkReview r, string orgName, ReviewSubjectView? subject, bool mayWrite) => new(
        r.Id, r.OrganizationId, orgName, subject, r.Title, r.Summary, r.Participants, r.HeldOn, r.Place,
        r.Purpose, r.SpecificGoals, r.Variance, r.HighlightsAndShortfalls, r.SuccessFactors, r.FailureFactors, r.Lessons, r.Improvements, r.Application,
        r.CreatedBy, r.CreatedAt, r.UpdatedBy, r.UpdatedAt, mayWrite, r.Version);

    /// <summary>A review and its organization's name; set by initializer so EF Core can order and page by its members.</summary>
    /// <summary>The review's text fields in the template's order: what a search looks in.</summary>
    private static readonly Expression<Func<WorkReview, string?>>[] TextFields =
    [
        r => r.Title, r => r.Summary, r => r.Participants, r => r.Place, r => r.Purpose, r => r.SpecificGoals, r => r.Variance,
        r => r.HighlightsAndShortfalls, r => r.SuccessFactors, r => r.FailureFactors, r => r.Lessons, r => r.Improvements, r => r.Application,
    ];

    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    /// <summary>"some text field, lower-cased, contains <paramref name="term"/>" as one expression EF Core translates (lower(x) on both providers).</summary>
    private static Expression<Func<WorkReview, bool>> Matches(string term)
    {
        var review = Expression.Parameter(typeof(WorkReview), "r");
        Expression<Func<string>> captured = () => term; // a parameter, not a literal in the SQL
        Expression body = Expression.Constant(false);
        foreach (var field in TextFields)
        {
            var value = new ParameterSwap(field.Parameters[0], review).Visit(field.Body);
            var test = Expression.AndAlso(
                Expression.NotEqual(value, Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(value, ToLower), Contains, captured.Body));
            body = body is ConstantExpression ? test : Expression.OrElse(body, test);
        }

        return Expression.Lambda<Func<WorkReview, bool>>(body, review);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class Listed
    {
        public required WorkReview Review { get; init; }

        public required string OrganizationName { get; init; }
    }
}
