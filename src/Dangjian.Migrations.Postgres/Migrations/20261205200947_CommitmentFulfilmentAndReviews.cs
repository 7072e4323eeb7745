using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityFrom",
                table: "CommitmentCampaigns",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityTo",
                table: "CommitmentCampaigns",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitmentEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommitmentId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    FiledWithOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    CommitmentId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SubjectId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Participants = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SpecificGoals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Variance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    HighlightsAndShortfalls = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SuccessFactors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FailureFactors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Lessons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Improvements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Application = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
