using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AwardsSecretaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardSelections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationQuota = table.Column<int>(type: "integer", nullable: false),
                    MemberQuota = table.Column<int>(type: "integer", nullable: false),
                    PartyWorkerQuota = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PublicityFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityTo = table.Column<DateOnly>(type: "date", nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardSelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardSelections_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardNominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    NomineeOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    NomineeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NominatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Eligibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RefusalsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Chosen = table.Column<bool>(type: "boolean", nullable: false),
                    RemovedByObjection = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardNominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardNominations_AwardSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "AwardSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AwardNominations_Organizations_NomineeOrganizationId",
                        column: x => x.NomineeOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardNominations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    AwardingOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    NomineeOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    NomineeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardRecords_AwardSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "AwardSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardRecords_Organizations_NomineeOrganizationId",
                        column: x => x.NomineeOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardRecords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Upheld = table.Column<bool>(type: "boolean", nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardObjections_AwardNominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "AwardNominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardObjections_AwardSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "AwardSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_NomineeOrganizationId",
                table: "AwardNominations",
                column: "NomineeOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_PersonId",
                table: "AwardNominations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_SelectionId",
                table: "AwardNominations",
                column: "SelectionId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardObjections_NominationId",
                table: "AwardObjections",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardObjections_SelectionId",
                table: "AwardObjections",
                column: "SelectionId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecords_NominationId",
                table: "AwardRecords",
                column: "NominationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecords_NomineeOrganizationId",
                table: "AwardRecords",
                column: "NomineeOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecords_PersonId",
                table: "AwardRecords",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecords_SelectionId",
                table: "AwardRecords",
                column: "SelectionId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardSelections_OrganizationId_Year",
                table: "AwardSelections",
                columns: new[] { "OrganizationId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardObjections");

            migrationBuilder.DropTable(
                name: "AwardRecords");

            migrationBuilder.DropTable(
                name: "AwardNominations");

            migrationBuilder.DropTable(
                name: "AwardSelections");
        }
    }
}
