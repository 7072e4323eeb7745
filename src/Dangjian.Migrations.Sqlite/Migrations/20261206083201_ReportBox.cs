using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportBox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportBoxCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CadreName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InvestigatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InvestigatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcludedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "ReportBoxAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportBoxAnswers");

            migrationBuilder.DropTable(
                name: "ReportBoxCases");
        }
    }
}
