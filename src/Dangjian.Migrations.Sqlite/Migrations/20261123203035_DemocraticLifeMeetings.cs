using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DemocraticLifeMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemocraticLifeMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeldDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SuperiorLeaderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SuperiorLeaderTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PeopleReadyBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PeopleReadyAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    TimeReadyBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TimeReadyAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    OpinionsReadyBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OpinionsReadyAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PostponeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PostponedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpinionTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemocraticLifeMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemocraticLifeMeetings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // WITHOUT ROWID: a rowid table numbers its rows in insertion order, which would record the order anonymous
            // opinions came in (DemocraticLifeOpinion); the table is ordered by its random key only.
            migrationBuilder.Sql("""
                CREATE TABLE "DemocraticLifeOpinions" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_DemocraticLifeOpinions" PRIMARY KEY,
                    "MeetingId" INTEGER NOT NULL,
                    "Source" TEXT NOT NULL,
                    "Text" TEXT NOT NULL,
                    "ReceivedOn" TEXT NOT NULL,
                    "SubmitterName" TEXT NULL,
                    CONSTRAINT "FK_DemocraticLifeOpinions_DemocraticLifeMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "DemocraticLifeMeetings" ("Id") ON DELETE RESTRICT
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "DemocraticLifeProblems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemocraticLifeProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemocraticLifeProblems_DemocraticLifeMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "DemocraticLifeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemocraticLifeProblems_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DemocraticLifeRectifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemocraticLifeRectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemocraticLifeRectifications_DemocraticLifeProblems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "DemocraticLifeProblems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemocraticLifeMeetings_OpinionTokenHash",
                table: "DemocraticLifeMeetings",
                column: "OpinionTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemocraticLifeMeetings_OrganizationId_Year",
                table: "DemocraticLifeMeetings",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_DemocraticLifeOpinions_MeetingId",
                table: "DemocraticLifeOpinions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_DemocraticLifeProblems_MeetingId",
                table: "DemocraticLifeProblems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_DemocraticLifeProblems_PersonId",
                table: "DemocraticLifeProblems",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DemocraticLifeRectifications_ProblemId",
                table: "DemocraticLifeRectifications",
                column: "ProblemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemocraticLifeOpinions");

            migrationBuilder.DropTable(
                name: "DemocraticLifeRectifications");

            migrationBuilder.DropTable(
                name: "DemocraticLifeProblems");

            migrationBuilder.DropTable(
                name: "DemocraticLifeMeetings");
        }
    }
}
