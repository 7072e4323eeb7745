using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Dangjian.Data;
using Dangjian.Data.Accounts;
using Dangjian.Data.Audit;
using Dangjian.Web.Components;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Calendar;
using Dangjian.Web.Features.Home;
using Dangjian.Web.Features.Mine;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.People;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Elections.Rounds;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Features.Evaluations.Results;
using Dangjian.Web.Features.Meetings.Proceedings;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.Meetings.Compliance;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Features.Meetings.Minutes;
using Dangjian.Web.Features.Reviews;
using Dangjian.Web.Features.Dues;
using Dangjian.Web.Features.Supervision.Disclosures;
using Dangjian.Web.Features.Supervision.Reports;
using Dangjian.Web.Features.Supervision.Notices;
using Dangjian.Web.Features.Supervision.Audits;
using Dangjian.Web.Features.Cadres.Exits;
using Dangjian.Web.Features.Cadres.Supervisors;
using Dangjian.Web.Features.Cadres.Accountability;
using Dangjian.Web.Features.Study.Records;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Features.Units;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dangjian.Web.Infrastructure;

/// <summary>Registers and wires the whole host; Program.cs stays three lines.</summary>
public static class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddDangjian(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddOptions<DangjianOptions>().Bind(config.GetSection(DangjianOptions.Section))
            .Validate(o => o.SignInAttemptsPerMinute > 0 && o.MaxUploadBytes > 0 && o.OpinionSubmissionsPerMinute > 0, "Dangjian settings must be positive.")
            .ValidateOnStart();
        services.AddOptions<DangjianOptions>()
            .Validate(o => Dangjian.Domain.Common.OrgTimeZone.Find(o.TimeZone) is not null, "Dangjian:TimeZone: not a time zone this machine knows (an IANA id such as Asia/Shanghai).")
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(config.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddOptions<Dangjian.Data.Secrecy.SecrecyOptions>().Bind(config.GetSection(Dangjian.Data.Secrecy.SecrecyOptions.Section))
            .Validate(o => o.IsValid(), "Secrecy settings: BatchSize ≥ 1, MaxBatchSize ≥ BatchSize, MixingWindow 0 … 1 minute, EraseTimeout > 0.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Dangjian.Data.Secrecy.SecrecyOptions>>().Value);
        services.AddOptions<ForwardedHeadersSettings>().Bind(config.GetSection(ForwardedHeadersSettings.Section))
            .Validate(o => o.IsValid, "Dangjian:ForwardedHeaders: KnownProxies must be IP addresses and KnownNetworks CIDR networks (10.0.0.0/8).")
            .ValidateOnStart();
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, s) => s.Value.Apply(o));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Dangjian.Domain.Common.OrgTimeZone.Find(sp.GetRequiredService<IOptions<DangjianOptions>>().Value.TimeZone)!);
        services.AddSingleton<OrgClock>();
        services.AddSingleton<FormFaces>();
        services.AddSingleton<FormPages>();

        var dbOptions = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DangjianDatabase.ConnectionStringOrDefault(dbOptions.Provider, config.GetConnectionString(DatabaseOptions.ConnectionStringName));
        // Sensitive data logging stays off in every environment: with it, EF would log parameter values
        // (password hashes, token hashes, ID numbers) with each command it logs.
        // Contexts are pooled, over options built once (they depend on configuration only; building them per request
        // was about 5 % of the voting load's CPU), and a request's first use of a fresh context (its internal services,
        // its connection object) was about a tenth of a ballot's CPU (bench/README.md). Each lease is handed the
        // request's actor and clock.
        services.AddPooledDbContextFactory<DangjianDbContext>(
            o => DangjianDatabase.Configure(o, dbOptions.Provider, connectionString).EnableSensitiveDataLogging(false));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContext();
            db.Lease(sp.GetRequiredService<IAuditActor>(), sp.GetRequiredService<TimeProvider>());
            return db;
        });

        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<ScopeService>();
        services.AddScoped<PageOperations>();
        services.AddScoped<OrganizationLookup>();
        services.AddScoped<Dangjian.Data.Secrecy.BallotBoxService>();
        services.AddScoped<Dangjian.Data.Calendar.IWorkingDayCalendar, Dangjian.Data.Calendar.DatabaseWorkingDayCalendar>();

        AddIdentity(services);

        // The keys that sign the sign-in cookie and antiforgery tokens live in the database, so a cookie or a form token
        // one instance issued is good on every other instance over the same database (README "Scaling out"), and a
        // restart does not sign everyone out. The application name is fixed: the key ring is shared by name, not by path.
        services.AddDataProtection().SetApplicationName("Dangjian").PersistKeysToDbContext<DangjianDbContext>();

        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, CachingStringLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        // Enums travel as their names ("Branch", "Full"): readable for scripts and stable if values are reordered.
        // A renamed value's former name is still read (the first converter that can convert a type is used).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new FormerEnumNamesConverter());
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        services.AddProblemDetails();

        // Malformed JSON and unbindable parameters reach the exception handler, so they get the same
        // ProblemDetails with the field named, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>().AddSchemaTransformer<FormerEnumNamesSchemaTransformer>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(SignInLimiter);
        });

        // Pages carry Chinese as text, not as &#x…; escapes: a third of the bytes, and readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Features.Common.MudTextLocalizer>();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        services.AddScoped<EnumLabels>().AddScoped<ExcelUpload>();
        services.AddOrganizations();
        services.AddTeams();
        services.AddPeople();
        services.AddUnits();
        services.AddAccounts(config);
        services.AddAuditLog();
        services.AddHome();
        services.AddElectionProjects(config);
        services.AddElectionRounds();
        services.AddPublicForms();
        services.AddVoting();
        services.AddMeetings(config);
        services.AddCalendar();
        services.AddDemocraticLifeMeetings();
        services.AddMeetingMinutes();
        services.AddMeetingCompliance(config);
        services.AddScoped<Dangjian.Web.Features.Evaluations.CampaignAccess>();
        services.AddEvaluationResults();
        services.AddSurveys();
        services.AddEvaluationCampaigns();
        services.AddMine();
        services.AddCommitments();
        services.AddReviews();
        services.AddDues();
        services.AddDisclosures();
        Features.Reminders.ReminderEndpoints.AddReminders(services, config);
        Features.Meetings.Matters.MatterEndpoints.AddRaisedMatters(services);
        Features.Meetings.Consultation.ConsultationEndpoints.AddConsultations(services);
        Features.Services.Requests.ServiceRequestEndpoints.AddServiceRequests(services);
        Features.Meetings.Talks.TalkEndpoints.AddTalks(services);
        Features.Delegates.DelegatesEndpoints.AddDelegates(services);
        Features.Awards.AwardEndpoints.AddAwards(services);
        Features.Evaluations.Secretaries.SecretaryEndpoints.AddSecretaryAssessment(services);
        services.AddReports();
        Features.Cadres.Reserve.ReserveEndpoints.AddReserveCadres(services);
        Features.Cadres.Talent.TalentEndpoints.AddTalentPool(services);
        Features.Cadres.Grassroots.GrassrootsEndpoints.AddGrassroots(services);
        Features.Cadres.Flags.FlagEndpoints.AddCadreFlags(services);
        services.AddRectificationNotices();
        services.AddEconomicAudits();
        services.AddExitCases();
        services.AddWorkSupervisors();
        services.AddAccountabilityCases();
        services.AddStudyRecords();
        Features.Study.Compliance.StudyComplianceEndpoints.AddStudyCompliance(services);
        services.AddStudyTraining();
        Features.Cadres.Selection.SelectionEndpoints.AddSelectionCases(services);
        Features.ThemeEducation.ThemeEducationEndpoints.AddThemeEducation(services);
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Dangjian";
                o.DefaultChallengeScheme = "Dangjian";
            })
            .AddPolicyScheme("Dangjian", "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "dangjian.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // The API answers with status codes, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                // ORG-5: failed sign-ins never lock an account (anyone who knew a user name could lock its owner out);
                // SignInService slows further tries per name and address instead (NIST SP 800-63B §5.2.2 rate
                // limiting). A lockout set by other means is still honoured. Passwords long rather than baroque (§5.1.1).
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<DangjianDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static RateLimitPartition<string> SignInLimiter(HttpContext ctx)
    {
        if (!HttpMethods.IsPost(ctx.Request.Method) || !ctx.Request.Path.StartsWithSegments("/account/login"))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limit = ctx.RequestServices.GetRequiredService<IOptions<DangjianOptions>>().Value.SignInAttemptsPerMinute;
        var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        SqliteFileLock.HoldWhileRunning(db.Database.GetConnectionString(), db.Database.IsSqlite(), app.Lifetime.ApplicationStopped); // `dangjian restore` refuses while the app runs
        await DangjianDatabase.MigrateAsync(db);
        await Dangjian.Data.Calendar.CalendarSeed.EnsureAsync(db);
        await DataProtectionKeys.EnsureAsync(db, app.Services.GetRequiredService<IDataProtectionProvider>(), app.Lifetime.ApplicationStopping);
        await StartupAccounts.EnsureAsync(scope.ServiceProvider, app.Lifetime);
    }

    public static void UseDangjian(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // The culture is set first, so the ProblemDetails the exception handler writes are in the caller's language too
        // (a culture set further in would not flow back out to it).
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseCurrentUser();
        app.UseCrossSiteRequestGuard();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi();

        // Every endpoint of every module holds the dates it takes to SaneDates before its handler runs.
        var endpoints = app.MapGroup(string.Empty).AddEndpointFilterFactory(SaneDateFilter.Create);
        endpoints.MapAccountEndpoints();
        endpoints.MapOrganizationEndpoints();
        endpoints.MapTeamEndpoints();
        endpoints.MapPeopleEndpoints();
        endpoints.MapUnitEndpoints();
        endpoints.MapAuditEndpoints();
        endpoints.MapDashboardEndpoints();
        endpoints.MapElectionProjectEndpoints();
        endpoints.MapElectionRoundEndpoints();
        endpoints.MapVotingEndpoints();
        endpoints.MapMeetingEndpoints();
        endpoints.MapCalendarEndpoints();
        endpoints.MapDemocraticLifeEndpoints();
        endpoints.MapMeetingMinutesEndpoints();
        endpoints.MapMeetingComplianceEndpoints();
        endpoints.MapEvaluationResultEndpoints();
        endpoints.MapSurveyEndpoints();
        endpoints.MapEvaluationCampaignEndpoints();
        endpoints.MapMineEndpoints();
        endpoints.MapCommitmentEndpoints();
        endpoints.MapReviewEndpoints();
        endpoints.MapDuesEndpoints();
        endpoints.MapDisclosureEndpoints();
        Features.Reminders.ReminderEndpoints.MapReminderEndpoints(endpoints);
        Features.Meetings.Matters.MatterEndpoints.MapRaisedMatterEndpoints(endpoints);
        Features.Meetings.Consultation.ConsultationEndpoints.MapConsultationEndpoints(endpoints);
        Features.Services.Requests.ServiceRequestEndpoints.MapServiceRequestEndpoints(endpoints);
        Features.Meetings.Talks.TalkEndpoints.MapTalkEndpoints(endpoints);
        Features.Delegates.DelegatesEndpoints.MapDelegatesEndpoints(endpoints);
        Features.Awards.AwardEndpoints.MapAwardEndpoints(endpoints);
        Features.Evaluations.Secretaries.SecretaryEndpoints.MapSecretaryEndpoints(endpoints);
        endpoints.MapReportEndpoints();
        Features.Cadres.Reserve.ReserveEndpoints.MapReserveCadreEndpoints(endpoints);
        Features.Cadres.Talent.TalentEndpoints.MapTalentPoolEndpoints(endpoints);
        Features.Cadres.Grassroots.GrassrootsEndpoints.MapGrassrootsEndpoints(endpoints);
        Features.Cadres.Flags.FlagEndpoints.MapCadreFlagEndpoints(endpoints);
        endpoints.MapRectificationNoticeEndpoints();
        endpoints.MapEconomicAuditEndpoints();
        endpoints.MapExitCaseEndpoints();
        endpoints.MapWorkSupervisorEndpoints();
        endpoints.MapAccountabilityEndpoints();
        endpoints.MapStudyRecordEndpoints();
        Features.Study.Compliance.StudyComplianceEndpoints.MapStudyComplianceEndpoints(endpoints);
        endpoints.MapStudyTrainingEndpoints();
        Features.Cadres.Selection.SelectionEndpoints.MapSelectionEndpoints(endpoints);
        Features.ThemeEducation.ThemeEducationEndpoints.MapThemeEducationEndpoints(endpoints);

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
