using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ElectionReportId",
                table: "ReportBoxCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CandidateQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    NomineeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AskedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ModeratedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
