extern alias cli;
using System.Text.Json;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Elections;

/// <summary>What the election tests of more than one area share: the auditor's recount, and reading a result row.</summary>
public static class ElectionFlow
{
    /// <summary>
    /// Runs `dangjian election verify FILE` (the CLI's own code, through the <c>cli</c> alias) against the app's database,
    /// as an auditor would: exit code, the recount printed on standard output, and standard error; with
    /// <paramref name="receipt"/>, also whether that receipt is among those counted.
    /// </summary>
    public static async Task<(int Code, string Output, string Error)> VerifyAsync(this AppFixture app, string file, string? receipt = null)
    {
        var connection = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await cli::Dangjian.Cli.Elections.ElectionCommands.VerifyAsync(file, app.ProviderName, connection, receipt, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>As <see cref="VerifyAsync"/>, on a downloaded file's bytes written to a folder of its own.</summary>
    public static async Task<(int Code, string Output, string Error)> VerifyBytesAsync(this AppFixture app, byte[] bytes, string? receipt = null)
    {
        var folder = Directory.CreateTempSubdirectory("dangjian-verify-").FullName;
        try
        {
            var file = Path.Combine(folder, "ballots.json");
            await File.WriteAllBytesAsync(file, bytes);
            return await app.VerifyAsync(file, receipt);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A result row's (for, against, abstain).</summary>
    public static (int For, int Against, int Abstain) Tally(JsonElement row) =>
        (row.GetProperty("for").GetInt32(), row.GetProperty("against").GetInt32(), row.GetProperty("abstain").GetInt32());

    /// <summary>A JSON value written out the one same way, to compare two results.</summary>
    public static string Canonical(JsonElement e) => JsonSerializer.Serialize(e);
}
