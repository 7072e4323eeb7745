namespace Dangjian.Domain.Common;

/// <summary>
/// One reason a rule refuses an input, when a rule checks a whole record and names every bad field at once (DESIGN.md
/// "Bad input"): the field (camelCase, as in the API), a RuleText key and its arguments, as in <see cref="DomainRuleException"/>.
/// </summary>
public sealed record FieldProblem(string Field, string Code, params object[] Arguments);
