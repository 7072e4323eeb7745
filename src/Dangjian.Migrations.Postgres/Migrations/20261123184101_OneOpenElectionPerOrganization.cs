using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OneOpenElectionPerOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ElectionProjects_OrganizationId",
                table: "ElectionProjects");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionProjects_OrganizationId",
                table: "ElectionProjects",
                column: "OrganizationId",
                unique: true,
                filter: "\"ClosedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ElectionProjects_OrganizationId",
                table: "ElectionProjects");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionProjects_OrganizationId",
                table: "ElectionProjects",
                column: "OrganizationId");
        }
    }
}
