using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCommitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommitmentCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentCampaigns_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentSupervisors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentSupervisors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentSupervisors_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentSupervisors_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // WITHOUT ROWID: a rowid table numbers its rows in insertion order, which would record the order anonymous
            // opinions came in (CommitmentOpinion); the table is ordered by its random key only.
            migrationBuilder.Sql("""
                CREATE TABLE "CommitmentOpinions" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_CommitmentOpinions" PRIMARY KEY,
                    "CampaignId" INTEGER NOT NULL,
                    "Channel" TEXT NOT NULL,
                    "Text" TEXT NOT NULL,
                    "ReceivedOn" TEXT NOT NULL,
                    "SubmitterName" TEXT NULL,
                    CONSTRAINT "FK_CommitmentOpinions_CommitmentCampaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "CommitmentCampaigns" ("Id") ON DELETE RESTRICT
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ResponsiblePersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    CitedOpinionIds = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CurrentLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_CommitmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CommitmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_People_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_People_ResponsiblePersonId",
                        column: x => x.ResponsiblePersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentDecisions_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Satisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    BasicallySatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Dissatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RectificationDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectificationMeasures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentEvaluations_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FulfilmentRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceFileIds = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FulfilmentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FulfilmentRecords_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisorComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Lagging = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisorComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisorComments_CommitmentSupervisors_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "CommitmentSupervisors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisorComments_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentCampaigns_OrganizationId_Year",
                table: "CommitmentCampaigns",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentDecisions_CommitmentId",
                table: "CommitmentDecisions",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentEvaluations_CommitmentId_Round",
                table: "CommitmentEvaluations",
                columns: new[] { "CommitmentId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentOpinions_CampaignId",
                table: "CommitmentOpinions",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CampaignId_Status",
                table: "Commitments",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Deadline",
                table: "Commitments",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OwnerOrganizationId",
                table: "Commitments",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OwnerPersonId",
                table: "Commitments",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_ResponsiblePersonId",
                table: "Commitments",
                column: "ResponsiblePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentSupervisors_OrganizationId",
                table: "CommitmentSupervisors",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentSupervisors_PersonId",
                table: "CommitmentSupervisors",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FulfilmentRecords_CommitmentId",
                table: "FulfilmentRecords",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorComments_CommitmentId",
                table: "SupervisorComments",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisorComments_SupervisorId",
                table: "SupervisorComments",
                column: "SupervisorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentDecisions");

            migrationBuilder.DropTable(
                name: "CommitmentEvaluations");

            migrationBuilder.DropTable(
                name: "CommitmentOpinions");

            migrationBuilder.DropTable(
                name: "FulfilmentRecords");

            migrationBuilder.DropTable(
                name: "SupervisorComments");

            migrationBuilder.DropTable(
                name: "CommitmentSupervisors");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "CommitmentCampaigns");
        }
    }
}
