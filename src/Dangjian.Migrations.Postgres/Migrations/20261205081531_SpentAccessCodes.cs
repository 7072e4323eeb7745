using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SpentAccessCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpentAccessCodes",
                columns: table => new
                {
                    BoxKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpentAccessCodes", x => new { x.BoxKey, x.CodeHash });
                    table.ForeignKey(
                        name: "FK_SpentAccessCodes_BallotBoxes_BoxKey",
                        column: x => x.BoxKey,
                        principalTable: "BallotBoxes",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpentAccessCodes");
        }
    }
}
