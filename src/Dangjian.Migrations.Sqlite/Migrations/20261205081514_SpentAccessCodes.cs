using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SpentAccessCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID, like SecretBallots and UnusedAccessCodes: a rowid would number the spent codes in the order
            // they were used; these rows are ordered by their hashes only.
            migrationBuilder.Sql("""
                CREATE TABLE "SpentAccessCodes" (
                    "BoxKey" TEXT NOT NULL,
                    "CodeHash" TEXT NOT NULL,
                    CONSTRAINT "PK_SpentAccessCodes" PRIMARY KEY ("BoxKey", "CodeHash"),
                    CONSTRAINT "FK_SpentAccessCodes_BallotBoxes_BoxKey" FOREIGN KEY ("BoxKey") REFERENCES "BallotBoxes" ("Key") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpentAccessCodes");
        }
    }
}
