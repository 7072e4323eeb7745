using Dangjian.Domain.Common;

namespace Dangjian.Domain.Commitments;

/// <summary>The module's text checks: those of <see cref="TextInput"/>, under the name the module's callers use.</summary>
internal static class CommitmentInput
{
    public static string Required(string? text, int maxLength, string field, string label) => TextInput.Required(text, maxLength, field, label);

    public static string? Optional(string? text, int maxLength, string field, string label) => TextInput.Optional(text, maxLength, field, label);
}
