using Dangjian.Web.Infrastructure;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Common;

/// <summary>
/// Pages know the project's own failures, never EF Core's: an edit conflict or a duplicate reaches a page as
/// <see cref="ConflictException"/> or <see cref="DuplicateException"/>, mapped once where every page operation runs
/// (<see cref="PageOperations"/>), so a page can change storage details without change and reads as the use case.
/// </summary>
public sealed class PageBoundaryTests
{
    [Fact]
    public void RazorFiles_NeverReferenceEfCore()
    {
        var web = Path.Combine(SourceTree.Root(), "src", "Dangjian.Web");
        var offending = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || l.Text.Contains("DbUpdate", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public async Task PageOperation_EditConflict_IsOurConflict()
    {
        var ops = Operations();

        var e = await Assert.ThrowsAsync<ConflictException>(() => ops.RunAsync<Failing>(f => f.ThrowAsync(new DbUpdateConcurrencyException("changed"))));

        Assert.IsType<DbUpdateConcurrencyException>(e.InnerException);
    }

    [Fact]
    public async Task PageOperation_DuplicateRow_IsOurDuplicate()
    {
        var ops = Operations();

        await Assert.ThrowsAsync<DuplicateException>(() => ops.RunAsync<Failing, int>(async f =>
        {
            await f.ThrowAsync(new DbUpdateException("unique"));
            return 0;
        }));
    }

    private static PageOperations Operations()
    {
        var services = new ServiceCollection().AddScoped<CurrentUser>().AddScoped<Failing>().BuildServiceProvider();
        return new PageOperations(services.GetRequiredService<IServiceScopeFactory>(), new CurrentUser());
    }


    private sealed class Failing
    {
        public Task ThrowAsync(Exception e) => Task.FromException(e);
    }
}
