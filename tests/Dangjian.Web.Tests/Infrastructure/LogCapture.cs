using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>One logged line: category, level, the formatted message and any exception text.</summary>
public sealed record LogLine(string Category, LogLevel Level, string Text);

/// <summary>
/// A logger provider that keeps what the app logs. It is added like any provider, so the app's
/// configured levels (appsettings "Logging") filter it exactly as they filter the console.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyCollection<LogLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too, in case a sink writes them out apart from the message.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lines.Enqueue(new LogLine(category, logLevel, $"{formatter(state, exception)} {values} {exception}"));
        }
    }
}

/// <summary>
/// A SQLite app of its own with the sign-in rate limit turned down to 3 a minute, so the limit can be
/// hit without disturbing the shared app. No demo data: the limit counts attempts, not accounts.
/// </summary>
public sealed class RateLimitedSqliteApp : SqliteApp
{
    public const int AttemptsPerMinute = 3;

    protected override int SignInAttemptsPerMinute => AttemptsPerMinute;

    protected override bool Demo => false;
}
