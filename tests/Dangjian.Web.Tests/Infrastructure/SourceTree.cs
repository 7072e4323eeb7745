namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>The repository's own files, for tests that read the source (a rule no compiler checks).</summary>
internal static class SourceTree
{
    /// <summary>The folder that holds Dangjian.slnx, found upwards from the test's binaries.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dangjian.slnx not found above " + AppContext.BaseDirectory);
    }
}
