using Dangjian.Domain.Common;

namespace Dangjian.Domain.Commitments;

/// <summary>The module's text checks: a required or optional text, trimmed, within its length, refused naming the field.</summary>
internal static class CommitmentInput
{
    public static string Required(string? text, int maxLength, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Input.Required", field, label);
        }

        return Optional(text, maxLength, field, label)!;
    }

    public static string? Optional(string? text, int maxLength, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length > maxLength ? throw new DomainRuleException("Input.TooLong", field, label, maxLength) : trimmed;
    }
}
