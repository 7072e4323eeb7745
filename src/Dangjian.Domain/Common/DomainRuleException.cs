namespace Dangjian.Domain.Common;

/// <summary>
/// A rule refused a change. <see cref="Code"/> is a stable resource key for the localized message,
/// <see cref="Field"/> names the input field it concerns (camelCase, as in the API).
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string field, params object[] arguments)
        : base(code)
    {
        Code = code;
        Field = field;
        Arguments = arguments;
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
}
