using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommitmentFulfilmentAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EvaluationCampaignId",
                table: "CommitmentCampaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityFrom",
                table: "CommitmentCampaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityTo",
                table: "CommitmentCampaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitmentEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentEvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentEvidenceFiles_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentFilings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledWithOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentFilings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentFilings_CommitmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CommitmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentFilings_Organizations_FiledWithOrganizationId",
                        column: x => x.FiledWithOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentFilings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentObjections_CommitmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CommitmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentObjections_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentSelfReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentSelfReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentSelfReports_CommitmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CommitmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentSelfReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentSelfReports_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SpecificGoals = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Variance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HighlightsAndShortfalls = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SuccessFactors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FailureFactors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Improvements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Application = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkReviews_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentEvidenceFiles_CommitmentId",
                table: "CommitmentEvidenceFiles",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentFilings_CampaignId_OrganizationId",
                table: "CommitmentFilings",
                columns: new[] { "CampaignId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentFilings_FiledWithOrganizationId",
                table: "CommitmentFilings",
                column: "FiledWithOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentFilings_OrganizationId",
                table: "CommitmentFilings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentObjections_CampaignId",
                table: "CommitmentObjections",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentObjections_CommitmentId",
                table: "CommitmentObjections",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentSelfReports_CampaignId_PersonId_OrganizationId",
                table: "CommitmentSelfReports",
                columns: new[] { "CampaignId", "PersonId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentSelfReports_OrganizationId",
                table: "CommitmentSelfReports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentSelfReports_PersonId",
                table: "CommitmentSelfReports",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkReviews_OrganizationId_HeldOn",
                table: "WorkReviews",
                columns: new[] { "OrganizationId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkReviews_SubjectKind_SubjectId",
                table: "WorkReviews",
                columns: new[] { "SubjectKind", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentEvidenceFiles");

            migrationBuilder.DropTable(
                name: "CommitmentFilings");

            migrationBuilder.DropTable(
                name: "CommitmentObjections");

            migrationBuilder.DropTable(
                name: "CommitmentSelfReports");

            migrationBuilder.DropTable(
                name: "WorkReviews");

            migrationBuilder.DropColumn(
                name: "EvaluationCampaignId",
                table: "CommitmentCampaigns");

            migrationBuilder.DropColumn(
                name: "PublicityFrom",
                table: "CommitmentCampaigns");

            migrationBuilder.DropColumn(
                name: "PublicityTo",
                table: "CommitmentCampaigns");
        }
    }
}
