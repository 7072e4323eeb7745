using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CandidateQuestionsElectionReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ElectionProjectId",
                table: "ReportBoxCases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ElectionReportId",
                table: "ReportBoxCases",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CandidateQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    NomineeId = table.Column<int>(type: "integer", nullable: false),
                    Question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AskedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ModeratedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ModeratedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateQuestions_ElectionProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CandidateQuestions_Nominees_NomineeId",
                        column: x => x.NomineeId,
                        principalTable: "Nominees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportBoxCases_ElectionProjectId",
                table: "ReportBoxCases",
                column: "ElectionProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateQuestions_NomineeId_Status",
                table: "CandidateQuestions",
                columns: new[] { "NomineeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateQuestions_ProjectId_Status",
                table: "CandidateQuestions",
                columns: new[] { "ProjectId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateQuestions");

            migrationBuilder.DropIndex(
                name: "IX_ReportBoxCases_ElectionProjectId",
                table: "ReportBoxCases");

            migrationBuilder.DropColumn(
                name: "ElectionProjectId",
                table: "ReportBoxCases");

            migrationBuilder.DropColumn(
                name: "ElectionReportId",
                table: "ReportBoxCases");
        }
    }
}
