namespace Dangjian.Web.Infrastructure;

/// <summary>The "Dangjian" settings section.</summary>
public sealed record DangjianOptions
{
    public const string Section = "Dangjian";

    /// <summary>
    /// Seed the demo district on first start and show demo sign-ins. On by default so the first
    /// `dotnet run` shows a working district; `Dangjian__Demo=false` starts empty.
    /// </summary>
    public bool Demo { get; init; } = true;

    /// <summary>Sign-in attempts allowed per client address per minute (ORG-5 rate limit).</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Anonymous democratic-life opinions accepted per client address per minute (POST /public/dlm/…).</summary>
    public int OpinionSubmissionsPerMinute { get; init; } = 10;

    /// <summary>
    /// Largest upload accepted (a roster, a sample, a calendar, study records), in bytes. 32 MiB holds a roster of
    /// <see cref="Features.People.RosterImport.MaxRows"/> rows: a million people are an .xlsx of about 120 MB, so
    /// 200,000 are about 24 MB, and optional columns (dues) add to it.
    /// </summary>
    public long MaxUploadBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>
    /// A folder on the server whose .xlsx rosters an administrator may import by name (<c>Dangjian:ImportFolder</c>; unset:
    /// none): a province's roster, too large to upload, copied there by the operator. Files in it may hold up to
    /// <see cref="Features.People.RosterImport.MaxFileRows"/> rows; nothing outside it can be named.
    /// </summary>
    public string? ImportFolder { get; init; }

    /// <summary>
    /// The first district admin account created on an empty (non-demo) start, when set together with
    /// <see cref="BootstrapAdminPassword"/>. Lets a real installation sign in the first time.
    /// </summary>
    public string? BootstrapAdminUserName { get; init; }

    public string? BootstrapAdminPassword { get; init; }

    /// <summary>
    /// The organization's time zone, an IANA id: every instant is stored UTC and shown on this clock (DESIGN.md "Time").
    /// An unknown id stops the start-up, naming this setting.
    /// </summary>
    public string TimeZone { get; init; } = Dangjian.Domain.Common.OrgTimeZone.DefaultId;
}
