using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Elections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BallotBoxes",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    CodesIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    BallotsCast = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotBoxes", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ElectionProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TermNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentTermEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedElectionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionProjects_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // WITHOUT ROWID: a rowid table numbers its rows in insertion order, which would record the order of
            // casting (DESIGN.md "Secrecy"); these tables are ordered by their random keys only.
            migrationBuilder.Sql("""
                CREATE TABLE "SecretBallots" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_SecretBallots" PRIMARY KEY,
                    "BoxKey" TEXT NOT NULL,
                    "Content" TEXT NOT NULL,
                    "Receipt" TEXT NULL,
                    CONSTRAINT "FK_SecretBallots_BallotBoxes_BoxKey" FOREIGN KEY ("BoxKey") REFERENCES "BallotBoxes" ("Key") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "UnusedAccessCodes" (
                    "BoxKey" TEXT NOT NULL,
                    "CodeHash" TEXT NOT NULL,
                    CONSTRAINT "PK_UnusedAccessCodes" PRIMARY KEY ("BoxKey", "CodeHash"),
                    CONSTRAINT "FK_UnusedAccessCodes_BallotBoxes_BoxKey" FOREIGN KEY ("BoxKey") REFERENCES "BallotBoxes" ("Key") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectionBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    MinExtraPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ListFixedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionBodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionBodies_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicSelections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicSelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicSelections_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResearchRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResearchRecords_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalkTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TalkedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalkTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalkTargets_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TalkTargets_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectionRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Electorate = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidatesJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    EntitledVoters = table.Column<int>(type: "INTEGER", nullable: false),
                    VotersPresent = table.Column<int>(type: "INTEGER", nullable: false),
                    BallotsIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedBallotList = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RunoffOfRoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionRounds_ElectionBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "ElectionBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElectionRounds_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElectionRounds_ElectionRounds_RunoffOfRoundId",
                        column: x => x.RunoffOfRoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JointNominators = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OnList = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisqualifiedByReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominees_ElectionBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "ElectionBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominees_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominees_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionStageRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Passed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionStageRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionStageRecords_PublicSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "PublicSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperBallotEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Teller = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBallotEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperBallotEntries_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    NomineeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportCases_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportCases_Nominees_NomineeId",
                        column: x => x.NomineeId,
                        principalTable: "Nominees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VettingChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NomineeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VettingChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VettingChecks_Nominees_NomineeId",
                        column: x => x.NomineeId,
                        principalTable: "Nominees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_PersonId",
                table: "ChecklistItems",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_ProjectId_PersonId_Kind",
                table: "ChecklistItems",
                columns: new[] { "ProjectId", "PersonId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ElectionBodies_ProjectId_Kind",
                table: "ElectionBodies",
                columns: new[] { "ProjectId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ElectionProjects_OrganizationId",
                table: "ElectionProjects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionRounds_BodyId",
                table: "ElectionRounds",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionRounds_ProjectId",
                table: "ElectionRounds",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionRounds_RunoffOfRoundId",
                table: "ElectionRounds",
                column: "RunoffOfRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_BodyId_PersonId",
                table: "Nominees",
                columns: new[] { "BodyId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_PersonId",
                table: "Nominees",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_ProjectId",
                table: "Nominees",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperBallotEntries_RoundId_Teller_Number",
                table: "PaperBallotEntries",
                columns: new[] { "RoundId", "Teller", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicSelections_ProjectId",
                table: "PublicSelections",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_NomineeId",
                table: "ReportCases",
                column: "NomineeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCases_ProjectId",
                table: "ReportCases",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ResearchRecords_ProjectId",
                table: "ResearchRecords",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretBallots_BoxKey_Receipt",
                table: "SecretBallots",
                columns: new[] { "BoxKey", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionStageRecords_SelectionId_Stage",
                table: "SelectionStageRecords",
                columns: new[] { "SelectionId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalkTargets_PersonId",
                table: "TalkTargets",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkTargets_ProjectId_PersonId",
                table: "TalkTargets",
                columns: new[] { "ProjectId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VettingChecks_NomineeId_Kind",
                table: "VettingChecks",
                columns: new[] { "NomineeId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "PaperBallotEntries");

            migrationBuilder.DropTable(
                name: "ReportCases");

            migrationBuilder.DropTable(
                name: "ResearchRecords");

            migrationBuilder.DropTable(
                name: "SecretBallots");

            migrationBuilder.DropTable(
                name: "SelectionStageRecords");

            migrationBuilder.DropTable(
                name: "TalkTargets");

            migrationBuilder.DropTable(
                name: "UnusedAccessCodes");

            migrationBuilder.DropTable(
                name: "VettingChecks");

            migrationBuilder.DropTable(
                name: "ElectionRounds");

            migrationBuilder.DropTable(
                name: "PublicSelections");

            migrationBuilder.DropTable(
                name: "BallotBoxes");

            migrationBuilder.DropTable(
                name: "Nominees");

            migrationBuilder.DropTable(
                name: "ElectionBodies");

            migrationBuilder.DropTable(
                name: "ElectionProjects");
        }
    }
}
