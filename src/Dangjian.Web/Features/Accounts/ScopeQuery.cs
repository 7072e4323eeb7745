using System.Linq.Expressions;
using Dangjian.Domain.Organizations;

namespace Dangjian.Web.Features.Accounts;

/// <summary>Translates "inside one of these subtrees" into a query: an OR of path-prefix matches (an indexed LIKE 'p%').</summary>
public static class ScopeQuery
{
    public static IQueryable<Organization> Within(IQueryable<Organization> source, IReadOnlyList<string> roots) =>
        source.Where(PathWithin<Organization>(o => o.Path, roots));

    /// <summary>An expression "selector(x) starts with one of roots"; false when there are none.</summary>
    public static Expression<Func<T, bool>> PathWithin<T>(Expression<Func<T, string>> selector, IReadOnlyList<string> roots)
    {
        var parameter = selector.Parameters[0];
        Expression body = Expression.Constant(false);
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var root in roots)
        {
            Expression<Func<string>> captured = () => root; // parameterized, not inlined, so plans are reused
            var call = Expression.Call(selector.Body, startsWith, captured.Body);
            body = body is ConstantExpression { Value: false } ? call : Expression.OrElse(body, call);
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }
}
