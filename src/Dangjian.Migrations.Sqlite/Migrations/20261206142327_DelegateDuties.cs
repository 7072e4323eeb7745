using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DelegateDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DelegateActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateActivities_CongressTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CongressTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateActivities_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateMotions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignersCounted = table.Column<int>(type: "INTEGER", nullable: true),
                    SignersRequired = table.Column<int>(type: "INTEGER", nullable: true),
                    ServingDelegates = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstain = table.Column<int>(type: "INTEGER", nullable: true),
                    VotedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ElectionProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    ElectionRoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateMotions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_CongressTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CongressTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_ElectionProjects_ElectionProjectId",
                        column: x => x.ElectionProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_People_TargetPersonId",
                        column: x => x.TargetPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateActivityAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    AbsenceReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateActivityAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateActivityAttendance_DelegateActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "DelegateActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DelegateActivityAttendance_DelegateSeats_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "DelegateSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateActivityAttendance_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateWorkReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    EvaluationCampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateWorkReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_CongressTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CongressTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_DelegateActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "DelegateActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_EvaluationCampaigns_EvaluationCampaignId",
                        column: x => x.EvaluationCampaignId,
                        principalTable: "EvaluationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateMotionSigners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MotionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateMotionSigners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateMotionSigners_DelegateMotions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "DelegateMotions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DelegateMotionSigners_DelegateSeats_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "DelegateSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotionSigners_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivities_OrganizationId_Published",
                table: "DelegateActivities",
                columns: new[] { "OrganizationId", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivities_TermId_HeldOn",
                table: "DelegateActivities",
                columns: new[] { "TermId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivityAttendance_ActivityId_DelegateId",
                table: "DelegateActivityAttendance",
                columns: new[] { "ActivityId", "DelegateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivityAttendance_DelegateId",
                table: "DelegateActivityAttendance",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivityAttendance_PersonId",
                table: "DelegateActivityAttendance",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_ElectionProjectId",
                table: "DelegateMotions",
                column: "ElectionProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_OrganizationId",
                table: "DelegateMotions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_TargetPersonId",
                table: "DelegateMotions",
                column: "TargetPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_TermId_Status",
                table: "DelegateMotions",
                columns: new[] { "TermId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotionSigners_DelegateId",
                table: "DelegateMotionSigners",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotionSigners_MotionId_PersonId",
                table: "DelegateMotionSigners",
                columns: new[] { "MotionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotionSigners_PersonId",
                table: "DelegateMotionSigners",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_ActivityId",
                table: "DelegateWorkReports",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_EvaluationCampaignId",
                table: "DelegateWorkReports",
                column: "EvaluationCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_OrganizationId",
                table: "DelegateWorkReports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_PersonId",
                table: "DelegateWorkReports",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_TermId_ReportedOn",
                table: "DelegateWorkReports",
                columns: new[] { "TermId", "ReportedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DelegateActivityAttendance");

            migrationBuilder.DropTable(
                name: "DelegateMotionSigners");

            migrationBuilder.DropTable(
                name: "DelegateWorkReports");

            migrationBuilder.DropTable(
                name: "DelegateMotions");

            migrationBuilder.DropTable(
                name: "DelegateActivities");
        }
    }
}
