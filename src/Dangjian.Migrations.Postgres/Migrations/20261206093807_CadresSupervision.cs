using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CadresSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactPoints_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactPoints_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactPoints_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EconomicAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EconomicAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EconomicAudits_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EconomicAudits_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExitCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Grounds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExitCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExitCases_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExitCases_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrassrootsStays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrassrootsStays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrassrootsStays_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrassrootsStays_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionQualifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionQualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionQualifications_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NightSpotChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Night = table.Column<DateOnly>(type: "date", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightSpotChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NightSpotChecks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NightSpotChecks_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NightStays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Night = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightStays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NightStays_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NightStays_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    TargetKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VerificationNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Returns = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationNotices_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportBoxCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    CadreName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Handler = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    InvestigatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InvestigatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcludedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportBoxCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportBoxCases_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReserveCadres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetPostLevel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TargetPostType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EntryReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeaveReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReserveCadres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReserveCadres_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReserveCadres_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RotaDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RotaDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RotaDays_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RotaDays_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Post = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Posts = table.Column<int>(type: "integer", nullable: false),
                    Qualifications = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StoppedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublicityStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityLastDay = table.Column<DateOnly>(type: "date", nullable: true),
                    AppointedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProbationMonths = table.Column<int>(type: "integer", nullable: true),
                    ProbationLastDay = table.Column<DateOnly>(type: "date", nullable: true),
                    ProbationOutcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionCases_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TalentPoolEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    PostsHeld = table.Column<List<string>>(type: "text[]", nullable: false),
                    Availability = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EntryReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeaveReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPoolEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentPoolEntries_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TalentPoolEntries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkSupervisors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    AppointedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkSupervisors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkSupervisors_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkSupervisors_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuditId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Measure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RectifiedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditFindings_EconomicAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "EconomicAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportBoxAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportBoxAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportBoxAnswers_ReportBoxCases_ReportCaseId",
                        column: x => x.ReportCaseId,
                        principalTable: "ReportBoxCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReserveAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReserveCadreId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReserveAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReserveAssessments_ReserveCadres_ReserveCadreId",
                        column: x => x.ReserveCadreId,
                        principalTable: "ReserveCadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReservePostings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReserveCadreId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservePostings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReservePostings_ReserveCadres_ReserveCadreId",
                        column: x => x.ReserveCadreId,
                        principalTable: "ReserveCadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PetitionCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RotaDayId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Petitioners = table.Column<int>(type: "integer", nullable: false),
                    Handling = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Resolved = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionCases_RotaDays_RotaDayId",
                        column: x => x.RotaDayId,
                        principalTable: "RotaDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountabilityCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    SelectionCaseId = table.Column<int>(type: "integer", nullable: true),
                    Ground = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Finding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Measure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResponsiblePersonIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountabilityCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountabilityCases_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccountabilityCases_SelectionCases_SelectionCaseId",
                        column: x => x.SelectionCaseId,
                        principalTable: "SelectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CertificateExpiresOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTeamMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionTeamMembers_SelectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "SelectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicityObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmitterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConcludedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicityObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicityObjections_SelectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "SelectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LifeCircleFinding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SocialCircleFinding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Chosen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionCandidates_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionCandidates_SelectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "SelectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionTraceEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    By = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    GivenBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LinkedId = table.Column<int>(type: "integer", nullable: true),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Circle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Corrects = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionTraceEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionTraceEntries_SelectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "SelectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisorReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkSupervisorId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisorReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisorReports_WorkSupervisors_WorkSupervisorId",
                        column: x => x.WorkSupervisorId,
                        principalTable: "WorkSupervisors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisorUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkSupervisorId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisorUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisorUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisorUnits_WorkSupervisors_WorkSupervisorId",
                        column: x => x.WorkSupervisorId,
                        principalTable: "WorkSupervisors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_OrganizationId_Status",
                table: "AccountabilityCases",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_SelectionCaseId",
                table: "AccountabilityCases",
                column: "SelectionCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditFindings_AuditId",
                table: "AuditFindings",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_OrganizationId",
                table: "ContactPoints",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_PersonId_UnitId",
                table: "ContactPoints",
                columns: new[] { "PersonId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_UnitId",
                table: "ContactPoints",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_EconomicAudits_OrganizationId_Status",
                table: "EconomicAudits",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EconomicAudits_PersonId",
                table: "EconomicAudits",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ExitCases_OrganizationId_Status",
                table: "ExitCases",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ExitCases_PersonId",
                table: "ExitCases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_GrassrootsStays_OrganizationId",
                table: "GrassrootsStays",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrassrootsStays_PersonId_From",
                table: "GrassrootsStays",
                columns: new[] { "PersonId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionQualifications_CertificateNumber",
                table: "InspectionQualifications",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionQualifications_PersonId_ExpiresOn",
                table: "InspectionQualifications",
                columns: new[] { "PersonId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTeamMembers_CaseId_PersonId",
                table: "InspectionTeamMembers",
                columns: new[] { "CaseId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTeamMembers_PersonId",
                table: "InspectionTeamMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_NightSpotChecks_OrganizationId",
                table: "NightSpotChecks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_NightSpotChecks_PersonId_Night",
                table: "NightSpotChecks",
                columns: new[] { "PersonId", "Night" });

            migrationBuilder.CreateIndex(
                name: "IX_NightStays_OrganizationId",
                table: "NightStays",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_NightStays_PersonId_Night",
                table: "NightStays",
                columns: new[] { "PersonId", "Night" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PetitionCases_RotaDayId",
                table: "PetitionCases",
                column: "RotaDayId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicityObjections_CaseId_Number",
                table: "PublicityObjections",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotices_OrganizationId_Status_Deadline",
                table: "RectificationNotices",
                columns: new[] { "OrganizationId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotices_TargetKind_TargetId",
                table: "RectificationNotices",
                columns: new[] { "TargetKind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportBoxAnswers_ReportCaseId",
                table: "ReportBoxAnswers",
                column: "ReportCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportBoxCases_CaseNumber",
                table: "ReportBoxCases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportBoxCases_OrganizationId_Status",
                table: "ReportBoxCases",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReserveAssessments_ReserveCadreId_Year",
                table: "ReserveAssessments",
                columns: new[] { "ReserveCadreId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReserveCadres_OrganizationId_EnteredOn",
                table: "ReserveCadres",
                columns: new[] { "OrganizationId", "EnteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReserveCadres_PersonId",
                table: "ReserveCadres",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReservePostings_ReserveCadreId",
                table: "ReservePostings",
                column: "ReserveCadreId");

            migrationBuilder.CreateIndex(
                name: "IX_RotaDays_OrganizationId_Day",
                table: "RotaDays",
                columns: new[] { "OrganizationId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RotaDays_PersonId",
                table: "RotaDays",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_CaseId_PersonId",
                table: "SelectionCandidates",
                columns: new[] { "CaseId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_PersonId",
                table: "SelectionCandidates",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCases_OrganizationId_Phase",
                table: "SelectionCases",
                columns: new[] { "OrganizationId", "Phase" });

            migrationBuilder.CreateIndex(
                name: "IX_SelectionTraceEntries_CaseId_Sequence",
                table: "SelectionTraceEntries",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorReports_WorkSupervisorId_Year_Period",
                table: "SupervisorReports",
                columns: new[] { "WorkSupervisorId", "Year", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorUnits_UnitId",
                table: "SupervisorUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorUnits_WorkSupervisorId_UnitId",
                table: "SupervisorUnits",
                columns: new[] { "WorkSupervisorId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPoolEntries_OrganizationId_EnteredOn",
                table: "TalentPoolEntries",
                columns: new[] { "OrganizationId", "EnteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPoolEntries_PersonId",
                table: "TalentPoolEntries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkSupervisors_OrganizationId_EndedOn",
                table: "WorkSupervisors",
                columns: new[] { "OrganizationId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkSupervisors_PersonId",
                table: "WorkSupervisors",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountabilityCases");

            migrationBuilder.DropTable(
                name: "AuditFindings");

            migrationBuilder.DropTable(
                name: "ContactPoints");

            migrationBuilder.DropTable(
                name: "ExitCases");

            migrationBuilder.DropTable(
                name: "GrassrootsStays");

            migrationBuilder.DropTable(
                name: "InspectionQualifications");

            migrationBuilder.DropTable(
                name: "InspectionTeamMembers");

            migrationBuilder.DropTable(
                name: "NightSpotChecks");

            migrationBuilder.DropTable(
                name: "NightStays");

            migrationBuilder.DropTable(
                name: "PetitionCases");

            migrationBuilder.DropTable(
                name: "PublicityObjections");

            migrationBuilder.DropTable(
                name: "RectificationNotices");

            migrationBuilder.DropTable(
                name: "ReportBoxAnswers");

            migrationBuilder.DropTable(
                name: "ReserveAssessments");

            migrationBuilder.DropTable(
                name: "ReservePostings");

            migrationBuilder.DropTable(
                name: "SelectionCandidates");

            migrationBuilder.DropTable(
                name: "SelectionTraceEntries");

            migrationBuilder.DropTable(
                name: "SupervisorReports");

            migrationBuilder.DropTable(
                name: "SupervisorUnits");

            migrationBuilder.DropTable(
                name: "TalentPoolEntries");

            migrationBuilder.DropTable(
                name: "EconomicAudits");

            migrationBuilder.DropTable(
                name: "RotaDays");

            migrationBuilder.DropTable(
                name: "ReportBoxCases");

            migrationBuilder.DropTable(
                name: "ReserveCadres");

            migrationBuilder.DropTable(
                name: "SelectionCases");

            migrationBuilder.DropTable(
                name: "WorkSupervisors");
        }
    }
}
