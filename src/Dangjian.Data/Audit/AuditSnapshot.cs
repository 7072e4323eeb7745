using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dangjian.Domain.Common;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dangjian.Data.Audit;

/// <summary>
/// Turns a tracked entity into the JSON kept as "before"/"after" in the audit log. Secrets never go
/// in (password hashes, security stamps, token hashes); personal ID numbers go in masked; file contents stay out
/// (their records carry a hash).
/// </summary>
internal static class AuditSnapshot
{
    private static readonly HashSet<string> Omitted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "NormalizedUserName", "NormalizedEmail",
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Of(EntityEntry entry, bool original)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Metadata.GetProperties())
        {
            if (p.IsShadowProperty() || Omitted.Contains(p.Name))
            {
                continue;
            }

            var value = values[p];
            if (value is byte[])
            {
                continue; // a file's bytes: the entity carries its hash, which is what the log keeps
            }

            if (p.PropertyInfo?.GetCustomAttribute<AuditMaskedAttribute>() is not null)
            {
                value = IdNumber.Mask(value as string);
            }

            map[p.Name] = value;
        }

        return JsonSerializer.Serialize(map, Json);
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Json);
}
