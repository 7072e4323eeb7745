using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dangjian.Domain.Common;

/// <summary>
/// Field readers the command-line contracts share: each reads one field of a JSON object and, when it is missing or
/// ill-typed, adds a <see cref="ContractError"/> naming <c>field</c> (its JSON path) and returns null, so a contract's
/// parser names every bad field at once.
/// </summary>
public static class ContractFields
{
    /// <summary>A non-empty string.</summary>
    public static string? Text(JsonObject o, string key, string field, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(errors);
        if (o[key] is not { } node)
        {
            errors.Add(new(field, $"{field} is missing"));
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(node.GetValue<string>()))
        {
            errors.Add(new(field, $"{field} must be a non-empty string"));
            return null;
        }

        return node.GetValue<string>();
    }

    /// <summary>A required number, read exactly as a decimal.</summary>
    public static decimal? Number(JsonObject o, string key, string field, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(errors);
        if (o[key] is not { } node)
        {
            errors.Add(new(field, $"{field} is missing"));
            return null;
        }

        if (Number(node) is not { } value)
        {
            errors.Add(new(field, $"{field} must be a number"));
            return null;
        }

        return value;
    }

    /// <summary>A JSON number read exactly as a decimal (0.15 stays 0.15); null when not a number or out of decimal's range.</summary>
    public static decimal? Number(JsonNode? node) =>
        node is not null && node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<decimal>(out var d) ? d : null;

    /// <summary>A day as yyyy-MM-dd (<see cref="DateText"/>); absent is a problem only when <paramref name="required"/>.</summary>
    public static DateOnly? Day(JsonObject o, string key, string field, bool required, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(errors);
        if (o[key] is not { } node)
        {
            if (required)
            {
                errors.Add(new(field, $"{field} is missing"));
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String || !DateText.TryParse(node.GetValue<string>(), out var day))
        {
            errors.Add(new(field, $"{field} must be a day as yyyy-MM-dd"));
            return null;
        }

        return day;
    }
}
