using System.Text.Json.Nodes;

namespace Dangjian.Cli.Tests;

/// <summary>A JSON contract's inputs for a test: written to a temporary folder that goes with the test, edited as JSON.</summary>
internal sealed class JsonInputs(string prefix) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>A path in the folder where no file is.</summary>
    public string Missing => Path.Combine(_folder, "none.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes <paramref name="json"/> to a new file and returns its path.</summary>
    public string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The input with <paramref name="edit"/> applied to its top-level object.</summary>
    public static string Edit(string json, Action<JsonObject> edit)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        edit(o);
        return o.ToJsonString();
    }

    /// <summary>Runs the command on the input and checks it is refused as malformed: exit 2, nothing printed, the field named.</summary>
    public async Task AssertMalformedAsync(string json, string field, params string[] command)
    {
        var result = await CliProcess.RunAsync([.. command, Write(json)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  {field}: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }
}
