namespace Dangjian.Domain.Common;

/// <summary>
/// A rule refused a change. <see cref="Code"/> is a stable resource key for the localized message,
/// <see cref="Field"/> names the input field it concerns (camelCase, as in the API).
/// </summary>
public sealed class DomainRuleException : Exception
{
    private readonly IReadOnlyList<FieldProblem> _problems = [];

    public DomainRuleException(string code, string field, params object[] arguments)
        : base(code)
    {
        Code = code;
        Field = field;
        Arguments = arguments;
    }

    /// <summary>A rule that checks a whole change and names every reason it refuses at once (the first is <see cref="Code"/>).</summary>
    public DomainRuleException(IReadOnlyList<FieldProblem> problems)
        : this(problems is { Count: > 0 } ? problems[0].Code : "Error", problems is { Count: > 0 } ? problems[0].Field : string.Empty, problems is { Count: > 0 } ? problems[0].Arguments : [])
    {
        _problems = problems ?? [];
    }

    public DomainRuleException()
        : this("Error", string.Empty)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = message;
        Field = string.Empty;
        Arguments = [];
    }

    public DomainRuleException(string message)
        : this(message, string.Empty)
    {
    }

    public string Code { get; } = string.Empty;

    public string Field { get; } = string.Empty;

    public IReadOnlyList<object> Arguments { get; } = [];

    /// <summary>Every reason the change was refused, each under its field; the one of <see cref="Code"/> when only one.</summary>
    public IReadOnlyList<FieldProblem> Problems => _problems.Count > 0 ? _problems : [new(Field, Code, [.. Arguments])];

    /// <summary>Refuses the change when <paramref name="problems"/> names any reason, with all of them.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldProblem> problems)
    {
        if (problems is { Count: > 0 })
        {
            throw new DomainRuleException(problems);
        }
    }
}
