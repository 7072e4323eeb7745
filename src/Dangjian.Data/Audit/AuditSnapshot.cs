using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dangjian.Domain.Common;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>Whether a property is [AuditMasked], looked up once per property (a bulk import snapshots a million rows).</summary>
    private static readonly ConcurrentDictionary<PropertyInfo, bool> Masked = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Of(EntityEntry entry, bool original)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        return Of(entry.Metadata, p => values[p]);
    }

    /// <summary>
    /// The snapshot of an entity that is not tracked (a bulk insert, <see cref="DangjianDbContext.InsertAuditedAsync{T}"/>),
    /// read from its properties: the same JSON <see cref="Of(EntityEntry, bool)"/> gives for it once added and saved.
    /// </summary>
    public static string OfUntracked(IEntityType type, object entity) =>
        Of(type, p => p.GetGetter().GetClrValueUsingContainingEntity(entity));

    private static string Of(IEntityType type, Func<IProperty, object?> read)
    {
        var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties())
        {
            if (p.IsShadowProperty() || Omitted.Contains(p.Name))
            {
                continue;
            }

            var value = read(p);
            if (value is byte[])
            {
                continue; // a file's bytes: the entity carries its hash, which is what the log keeps
            }

            if (p.PropertyInfo is { } info && Masked.GetOrAdd(info, i => i.GetCustomAttribute<AuditMaskedAttribute>() is not null))
            {
                value = IdNumber.Mask(value as string);
            }

            map[p.Name] = value;
        }

        return JsonSerializer.Serialize(map, Json);
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Json);
}
