using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    HeldDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SuperiorLeaderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SuperiorLeaderTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PeopleReadyBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PeopleReadyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TimeReadyBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TimeReadyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OpinionsReadyBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OpinionsReadyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PostponeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PostponedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    OpinionTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "DemocraticLifeOpinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmitterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemocraticLifeOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemocraticLifeOpinions_DemocraticLifeMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "DemocraticLifeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DemocraticLifeProblems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProblemId = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemocraticLifeRectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemocraticLifeRectifications_DemocraticLifeProblems_Problem~",
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
