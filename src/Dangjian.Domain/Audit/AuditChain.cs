using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dangjian.Domain.Audit;

/// <summary>Why an entry breaks the chain.</summary>
public enum AuditBreak
{
    /// <summary>The sequence skips a number: an entry was removed.</summary>
    Gap,

    /// <summary>The entry's PreviousHash is not the hash of the entry before: an entry before it was removed or replaced.</summary>
    PreviousHashMismatch,

    /// <summary>The entry's fields no longer give its hash: it was altered.</summary>
    HashMismatch,
}

/// <summary>The first entry at which verification failed.</summary>
public sealed record AuditChainFault(long Sequence, AuditBreak Reason);

/// <summary>
/// The hash chain of the audit log (ORG-7). Each entry's hash covers every field and the previous
/// entry's hash, so altering, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Hex SHA-256 over the entry's fields, each length-prefixed so no two field lists give one text.</summary>
    public static string ComputeHash(AuditEntry e)
    {
        var sb = new StringBuilder();
        Append(sb, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(sb, e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Append(sb, e.Actor);
        Append(sb, e.Action);
        Append(sb, e.EntityType);
        Append(sb, e.EntityId);
        Append(sb, e.Before);
        Append(sb, e.After);
        Append(sb, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static void Append(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("-1:");
            return;
        }

        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }

    /// <summary>Fills in sequence, previous hash and hash of a new entry that follows <paramref name="previous"/>.</summary>
    public static void Seal(AuditEntry entry, long previousSequence, string previousHash)
    {
        entry.Sequence = previousSequence + 1;
        entry.At = TruncateToMilliseconds(entry.At);
        entry.PreviousHash = previousHash;
        entry.Hash = ComputeHash(entry);
    }

    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUniversalTime().ToUnixTimeMilliseconds());

    /// <summary>
    /// Walks entries in sequence order and returns the first fault, or null when the chain is intact.
    /// Streams: entries may come straight from a database reader.
    /// </summary>
    public static AuditChainFault? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var expectedSequence = 1L;
        var previousHash = GenesisHash;
        foreach (var e in entriesInOrder)
        {
            if (e.Sequence != expectedSequence)
            {
                return new AuditChainFault(expectedSequence, AuditBreak.Gap);
            }

            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditChainFault(e.Sequence, AuditBreak.PreviousHashMismatch);
            }

            if (!string.Equals(ComputeHash(e), e.Hash, StringComparison.Ordinal))
            {
                return new AuditChainFault(e.Sequence, AuditBreak.HashMismatch);
            }

            previousHash = e.Hash;
            expectedSequence++;
        }

        return null;
    }
}
