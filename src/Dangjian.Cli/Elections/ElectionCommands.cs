using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Dangjian.Domain.Elections;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Elections;

/// <summary>
/// `dangjian election count FILE`: counts a round with the same engine the election meeting uses
/// (Domain/Elections/ElectionCount) and prints the result JSON (its contract: Domain's CountJson). Exit 0 for
/// well-formed input, a void round included; 2 with the problems on standard error for malformed input.
/// `dangjian election verify FILE` (ELE-13) recounts a published ballot list the same way and checks that the file is
/// the one published (its SHA-256 must be in an "ElectionRound.Published" entry of the audit log) and that its receipts
/// hold together (<see cref="PublishedBallotList"/>: unique, sorted, one per electronic ballot, none inside a ballot).
/// With --receipt it says whether that receipt is among those counted, never which ballot is its own.
/// </summary>
public static class ElectionCommands
{
    public static Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "The round as JSON (mode, seats, entitledVoters, votersPresent, ballotsIssued, candidates, ballots); - reads standard input" };
        var count = new Command("count", "Count a round of ballots and print the result as JSON.");
        count.Arguments.Add(file);
        count.SetAction((result, ct) => CountAsync(result.GetValue(file)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var verifyFile = new Argument<string>("FILE") { Description = "A published ballot list, as downloaded from /public/elections/rounds/{id}/ballots.json" };
        var provider = new Option<string?>("--provider") { Description = "Sqlite or Postgres (default: Database__Provider, else Sqlite)" };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings__Dangjian, else data/dangjian.db)" };
        var receipt = new Option<string?>("--receipt") { Description = "A voter's receipt: say whether it is among the receipts of the ballots counted (exit 1 when not)" };
        var verify = new Command(
            "verify",
            "Recount a published ballot list, check that it is the published one (its SHA-256 is in the audit log) and that "
            + "its receipts are unique, sorted and as many as the electronic ballots. "
            + "Exit 0 when all hold, 1 when one does not (the result is still printed), 2 for malformed input.");
        verify.Arguments.Add(verifyFile);
        verify.Options.Add(provider);
        verify.Options.Add(connection);
        verify.Options.Add(receipt);
        verify.SetAction((result, ct) => VerifyAsync(
            result.GetValue(verifyFile)!, result.GetValue(provider), result.GetValue(connection), result.GetValue(receipt),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var election = new Command("election", "Election counting (换届选举计票)");
        election.Subcommands.Add(count);
        election.Subcommands.Add(verify);
        return election;
    }

    /// <summary>
    /// Recounts the file and prints the result exactly as <see cref="CountAsync"/> does; then looks the file's SHA-256
    /// up among the audit log's "ElectionRound.Published" entries of the configured database, checks its receipts, and
    /// answers <paramref name="receipt"/> if given. Everything but the recount goes to standard error.
    /// </summary>
    public static async Task<int> VerifyAsync(
        string path, string? provider, string? connection, string? receipt, TextWriter output, TextWriter error, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = path == "-" ? System.Text.Encoding.UTF8.GetBytes(await Console.In.ReadToEndAsync(ct)) : await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read {path}: {e.Message}");
            return ExitCodes.BadInput;
        }

        var text = new System.Text.UTF8Encoding(false).GetString(bytes);
        var (input, errors) = CountJson.Parse(text);
        if (input is null)
        {
            await error.WriteLineAsync($"Malformed input in {path}:");
            foreach (var e in errors)
            {
                await error.WriteLineAsync($"  {e.Field}: {e.Message}");
            }

            return ExitCodes.BadInput;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        bool published;
        try
        {
            await using var db = Database.Open(provider, connection);
            var details = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == PublishedAction && a.After != null && a.After.Contains(hash))
                .Select(a => a.After!)
                .ToListAsync(ct);
            published = details.Any(d => HashOf(d) == hash);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            await error.WriteLineAsync("Cannot read the audit log: " + e.Message);
            return ExitCodes.BadInput;
        }

        await output.WriteLineAsync(CountJson.Write(ElectionCount.Count(input)));
        var ok = published;
        if (published)
        {
            await error.WriteLineAsync($"Published ballot list: SHA-256 {hash} is in the audit log.");
        }
        else
        {
            await error.WriteLineAsync($"{path} is not the published ballot list: its SHA-256 {hash} is in no ElectionRound.Published entry of the audit log.");
        }

        var list = PublishedBallotList.Read(text);
        ok &= await ReportReceiptsAsync(path, list, error);
        if (receipt is not null)
        {
            ok &= await AnswerReceiptAsync(list, receipt, error);
        }

        return ok ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Says whether the list's receipts hold together, and what they are; false when they do not.</summary>
    private static async Task<bool> ReportReceiptsAsync(string path, PublishedBallotList.Contents list, TextWriter error)
    {
        if (list.Problems.Count > 0)
        {
            await error.WriteLineAsync($"{path} is not a consistent published ballot list:");
            foreach (var problem in list.Problems)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return false;
        }

        await error.WriteLineAsync(list.EarlierFormat
            ? $"The list is in the earlier format, published before receipts were listed apart: each electronic ballot carries its receipt. "
                + $"{list.Receipts.Count} receipts, unique; {list.Ballots} ballots counted."
            : $"Receipts: {list.Receipts.Count}, unique and sorted, one per electronic ballot; "
                + $"{list.ElectronicBallots} electronic and {list.PaperBallots} paper ballots, {list.Ballots} counted.");
        return true;
    }

    /// <summary>Whether a voter's receipt is among the list's receipts (a ballot counted), never which ballot it is.</summary>
    private static async Task<bool> AnswerReceiptAsync(PublishedBallotList.Contents list, string receipt, TextWriter error)
    {
        var wanted = PublishedBallotList.NormalizeReceipt(receipt);
        if (list.Has(wanted))
        {
            await error.WriteLineAsync($"Receipt {wanted} is among the {list.Receipts.Count} receipts: its ballot is among the {list.Ballots} ballots counted.");
            return true;
        }

        await error.WriteLineAsync($"Receipt {wanted} is not among the {list.Receipts.Count} receipts of this list.");
        return false;
    }

    /// <summary>The audit action the web app writes when it publishes a round's ballot list.</summary>
    public const string PublishedAction = "ElectionRound.Published";

    private static string? HashOf(string details)
    {
        try
        {
            using var doc = JsonDocument.Parse(details);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("sha256", out var h) && h.ValueKind == JsonValueKind.String
                ? h.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Task<int> CountAsync(string path, TextWriter output, TextWriter error, CancellationToken ct) =>
        JsonCommand.RunAsync(
            path,
            CountJson.Parse,
            input => CountJson.Write(ElectionCount.Count(input)),
            output,
            error,
            ct);
}
