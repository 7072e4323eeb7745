using System.CommandLine;
using Dangjian.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Audit;

/// <summary>`dangjian audit verify`: walks the hash chain of the audit log (ORG-7).</summary>
internal static class AuditCommands
{
    public static Command Build()
    {
        var provider = new Option<string?>("--provider") { Description = "Sqlite or Postgres (default: Database__Provider, else Sqlite)" };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings__Dangjian, else data/dangjian.db)" };
        var anchor = new Option<string?>("--anchor")
        {
            Description = "SEQUENCE:HASH printed by an earlier run. A chain can't show entries cut off its end by itself; "
                + "an anchor recorded outside the database can: the entry must still be there with that hash.",
        };
        var verify = new Command("verify", "Check that no audit entry was altered, removed or reordered. Exit 0 when intact, 1 naming the first broken entry.");
        verify.Options.Add(provider);
        verify.Options.Add(connection);
        verify.Options.Add(anchor);
        verify.SetAction((result, ct) => VerifyAsync(
            result.GetValue(provider), result.GetValue(connection), result.GetValue(anchor), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var audit = new Command("audit", "The hash-chained audit log");
        audit.Subcommands.Add(verify);
        return audit;
    }

    public static async Task<int> VerifyAsync(string? provider, string? connection, string? anchor, TextWriter output, TextWriter error, CancellationToken ct)
    {
        (long Sequence, string Hash)? expected = null;
        if (anchor is not null)
        {
            var parts = anchor.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var seq) || seq < 1 || parts[1].Length != 64)
            {
                await error.WriteLineAsync("--anchor must be SEQUENCE:HASH as printed by an earlier verify, e.g. 120:3fa4…(64 hex digits).");
                return ExitCodes.BadInput;
            }

            expected = (seq, parts[1].ToLowerInvariant());
        }

        await using var db = OpenOrReport(provider, connection, error);
        if (db is null)
        {
            return ExitCodes.BadInput;
        }

        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                await error.WriteLineAsync("Cannot open the database; check Database__Provider and ConnectionStrings__Dangjian.");
                return ExitCodes.BadInput;
            }

            var count = 0L;
            var last = AuditChain.GenesisHash;
            string? anchorHash = null;
            IEnumerable<AuditEntry> Counted()
            {
                foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable())
                {
                    count++;
                    last = e.Hash;
                    if (e.Sequence == expected?.Sequence)
                    {
                        anchorHash = e.Hash;
                    }

                    yield return e;
                }
            }

            var fault = AuditChain.Verify(Counted());
            if (fault is null && expected is { } a && anchorHash != a.Hash)
            {
                await error.WriteLineAsync(anchorHash is null
                    ? $"Audit log BROKEN at entry {count + 1}: the log ends at entry {count}, but entry {a.Sequence} was recorded before (entries were removed from its end)."
                    : $"Audit log BROKEN at entry {a.Sequence}: its hash is not the one recorded (the log was rewritten from there on).");
                return ExitCodes.Failed;
            }

            if (fault is null)
            {
                await output.WriteLineAsync($"Audit log intact: {count} entries; last hash {last}.");
                await output.WriteLineAsync($"Anchor for a later check: {count}:{last}");
                return ExitCodes.Ok;
            }

            await error.WriteLineAsync($"Audit log BROKEN at entry {fault.Sequence}: {Describe(fault.Reason)}.");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            await error.WriteLineAsync("Cannot read the audit log: " + e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static Data.DangjianDbContext? OpenOrReport(string? provider, string? connection, TextWriter error)
    {
        try
        {
            return Database.Open(provider, connection);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    private static string Describe(AuditBreak reason) => reason switch
    {
        AuditBreak.Gap => "an entry is missing (removed)",
        AuditBreak.PreviousHashMismatch => "it does not follow the entry before it (an earlier entry was removed or replaced)",
        AuditBreak.HashMismatch => "its content no longer matches its hash (altered)",
        _ => reason.ToString(),
    };
}
