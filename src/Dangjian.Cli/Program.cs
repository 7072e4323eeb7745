using System.CommandLine;
using Dangjian.Cli;
using Dangjian.Cli.Audit;
using Dangjian.Cli.Backup;
using Dangjian.Cli.Calendar;
using Dangjian.Cli.Dues;
using Dangjian.Cli.Elections;
using Dangjian.Cli.Evaluations;
using Dangjian.Cli.Meetings;
using Dangjian.Cli.Study;

// The dangjian command: tools for auditors and operators that work on the database directly.
var root = new RootCommand("Dangjian command-line tools (党建)");
root.Subcommands.Add(AuditCommands.Build());
root.Subcommands.Add(ElectionCommands.Build());
root.Subcommands.Add(CalendarCommands.Build());
root.Subcommands.Add(DecisionCommands.Build());
root.Subcommands.Add(EvaluationCommands.Build());
root.Subcommands.Add(StudyCommands.Build());
root.Subcommands.Add(DuesCommands.Build());
root.Subcommands.Add(BackupCommands.Backup());
root.Subcommands.Add(BackupCommands.Restore());
return await root.Parse(args).InvokeAsync();

namespace Dangjian.Cli
{
    /// <summary>Exit codes shared by every command.</summary>
    internal static class ExitCodes
    {
        public const int Ok = 0;
        public const int Failed = 1;
        public const int BadInput = 2;
    }
}
