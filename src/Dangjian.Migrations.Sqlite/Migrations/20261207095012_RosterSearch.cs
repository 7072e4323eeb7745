using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RosterSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Name",
                table: "People");

            // By hand, for WITHOUT ROWID: the entries live in the key's own b-tree, so a search reads one index, in name order.
            migrationBuilder.Sql("""
                CREATE TABLE "PersonNameChars" (
                    "Character" TEXT NOT NULL,
                    "Name" TEXT NOT NULL,
                    "PersonId" INTEGER NOT NULL,
                    "OrganizationId" INTEGER NOT NULL,
                    "Status" TEXT NOT NULL,
                    "IsCadre" INTEGER NOT NULL,
                    CONSTRAINT "PK_PersonNameChars" PRIMARY KEY ("Character", "Name", "PersonId")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "RosterCounts",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsCadre = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterCounts", x => new { x.OrganizationId, x.Status, x.IsCadre });
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_Roster",
                table: "People",
                columns: new[] { "Name", "Id", "OrganizationId", "IsRemoved", "Status", "IsCadre" });

            // The roster counts and the name characters follow People through the database's own triggers (RosterCount,
            // PersonNameChar), so no code path, bulk insert or raw UPDATE can leave them behind; filled here from the rows
            // already stored. A removed person counts nowhere and has no characters. A name's characters are its code
            // points 1 to 50 (Person.MaxNameLength), each once.
            migrationBuilder.Sql("""
                INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                SELECT "OrganizationId", "Status", "IsCadre", count(*) FROM "People" WHERE "IsRemoved" = 0
                GROUP BY "OrganizationId", "Status", "IsCadre";
                """);
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                SELECT substr(p."Name", n.value, 1), p."Name", p."Id", p."OrganizationId", p."Status", p."IsCadre"
                FROM "People" p, json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]') n
                WHERE p."IsRemoved" = 0 AND n.value <= length(p."Name");
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "People_Roster_Insert" AFTER INSERT ON "People" WHEN NEW."IsRemoved" = 0
                BEGIN
                    INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                    VALUES (NEW."OrganizationId", NEW."Status", NEW."IsCadre", 1)
                    ON CONFLICT ("OrganizationId", "Status", "IsCadre") DO UPDATE SET "Count" = "Count" + 1;
                    INSERT OR IGNORE INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                    SELECT substr(NEW."Name", value, 1), NEW."Name", NEW."Id", NEW."OrganizationId", NEW."Status", NEW."IsCadre"
                    FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]') WHERE value <= length(NEW."Name");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "People_Roster_Delete" AFTER DELETE ON "People" WHEN OLD."IsRemoved" = 0
                BEGIN
                    UPDATE "RosterCounts" SET "Count" = "Count" - 1
                    WHERE "OrganizationId" = OLD."OrganizationId" AND "Status" = OLD."Status" AND "IsCadre" = OLD."IsCadre";
                    DELETE FROM "PersonNameChars" WHERE "PersonId" = OLD."Id" AND "Name" = OLD."Name"
                      AND "Character" IN (SELECT substr(OLD."Name", value, 1) FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]') WHERE value <= length(OLD."Name"));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "People_Roster_Update" AFTER UPDATE OF "Name", "OrganizationId", "Status", "IsCadre", "IsRemoved" ON "People"
                WHEN OLD."Name" IS NOT NEW."Name" OR OLD."OrganizationId" IS NOT NEW."OrganizationId" OR OLD."Status" IS NOT NEW."Status"
                    OR OLD."IsCadre" IS NOT NEW."IsCadre" OR OLD."IsRemoved" IS NOT NEW."IsRemoved"
                BEGIN
                    UPDATE "RosterCounts" SET "Count" = "Count" - 1
                    WHERE OLD."IsRemoved" = 0
                      AND "OrganizationId" = OLD."OrganizationId" AND "Status" = OLD."Status" AND "IsCadre" = OLD."IsCadre";
                    INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                    SELECT NEW."OrganizationId", NEW."Status", NEW."IsCadre", 1 WHERE NEW."IsRemoved" = 0
                    ON CONFLICT ("OrganizationId", "Status", "IsCadre") DO UPDATE SET "Count" = "Count" + 1;
                    DELETE FROM "PersonNameChars" WHERE "PersonId" = OLD."Id" AND "Name" = OLD."Name"
                      AND "Character" IN (SELECT substr(OLD."Name", value, 1) FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]') WHERE value <= length(OLD."Name"));
                    INSERT OR IGNORE INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                    SELECT substr(NEW."Name", value, 1), NEW."Name", NEW."Id", NEW."OrganizationId", NEW."Status", NEW."IsCadre"
                    FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]') WHERE value <= length(NEW."Name") AND NEW."IsRemoved" = 0;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "People_Roster_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "People_Roster_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "People_Roster_Update";""");

            migrationBuilder.DropTable(
                name: "PersonNameChars");

            migrationBuilder.DropTable(
                name: "RosterCounts");

            migrationBuilder.DropIndex(
                name: "IX_People_Roster",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_Name",
                table: "People",
                column: "Name");
        }
    }
}
