using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ThemeEducation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ThemeCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Theme = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemeCampaigns_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThemePhases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemePhases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemePhases_ThemeCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ThemeCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeRequiredActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PhaseId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Levels = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeRequiredActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemeRequiredActivities_ThemePhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "ThemePhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeActivityReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Items = table.Column<string>(type: "character varying(6030)", maxLength: 6030, nullable: false),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeActivityReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThemeActivityReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeActivityReports_ThemeCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ThemeCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThemeActivityReports_ThemeRequiredActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "ThemeRequiredActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ThemeActivityReports_ActivityId_OrganizationId",
                table: "ThemeActivityReports",
                columns: new[] { "ActivityId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThemeActivityReports_CampaignId_OrganizationId",
                table: "ThemeActivityReports",
                columns: new[] { "CampaignId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ThemeActivityReports_OrganizationId",
                table: "ThemeActivityReports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeCampaigns_OrganizationId",
                table: "ThemeCampaigns",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemePhases_CampaignId",
                table: "ThemePhases",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeRequiredActivities_PhaseId",
                table: "ThemeRequiredActivities",
                column: "PhaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ThemeActivityReports");

            migrationBuilder.DropTable(
                name: "ThemeRequiredActivities");

            migrationBuilder.DropTable(
                name: "ThemePhases");

            migrationBuilder.DropTable(
                name: "ThemeCampaigns");
        }
    }
}
