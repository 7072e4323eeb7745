namespace Dangjian.Domain.Common;

/// <summary>The text checks every module's entities make: a required or optional text, trimmed, within its length, refused naming the field.</summary>
public static class TextInput
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
