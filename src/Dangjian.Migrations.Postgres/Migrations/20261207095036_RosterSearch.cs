using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
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

            migrationBuilder.CreateTable(
                name: "PersonNameChars",
                columns: table => new
                {
                    Character = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsCadre = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameChars", x => new { x.Character, x.Name, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "RosterCounts",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsCadre = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
            // PersonNameChar), filled here from the rows already stored. Statement-level triggers with transition tables:
            // one grouped change per statement, so a COPY of a million rows changes each count once. A removed person counts
            // nowhere and has no characters. string_to_array(name, NULL) splits a name into its characters.
            migrationBuilder.Sql("""
                -- The search reads a character's entries in name order with every column its filters test, from the key alone.
                ALTER TABLE "PersonNameChars" DROP CONSTRAINT "PK_PersonNameChars";
                ALTER TABLE "PersonNameChars" ADD CONSTRAINT "PK_PersonNameChars"
                    PRIMARY KEY ("Character", "Name", "PersonId") INCLUDE ("OrganizationId", "Status", "IsCadre");

                INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                SELECT "OrganizationId", "Status", "IsCadre", count(*) FROM "People" WHERE NOT "IsRemoved"
                GROUP BY "OrganizationId", "Status", "IsCadre";

                INSERT INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                SELECT DISTINCT c, p."Name", p."Id", p."OrganizationId", p."Status", p."IsCadre"
                FROM "People" p, unnest(string_to_array(p."Name", NULL)) c WHERE NOT p."IsRemoved";

                CREATE FUNCTION "People_Roster"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Each count's change in one upsert, in key order (two transactions lock the counts in the same order).
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                        SELECT "OrganizationId", "Status", "IsCadre", count(*)::int FROM new_rows
                        WHERE NOT "IsRemoved" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT ("OrganizationId", "Status", "IsCadre") DO UPDATE SET "Count" = "RosterCounts"."Count" + EXCLUDED."Count";
                        INSERT INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                        SELECT DISTINCT c, n."Name", n."Id", n."OrganizationId", n."Status", n."IsCadre"
                        FROM new_rows n, unnest(string_to_array(n."Name", NULL)) c WHERE NOT n."IsRemoved";
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                        SELECT "OrganizationId", "Status", "IsCadre", -count(*)::int FROM old_rows
                        WHERE NOT "IsRemoved" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT ("OrganizationId", "Status", "IsCadre") DO UPDATE SET "Count" = "RosterCounts"."Count" + EXCLUDED."Count";
                        DELETE FROM "PersonNameChars" x USING old_rows o, unnest(string_to_array(o."Name", NULL)) c
                        WHERE x."Character" = c AND x."Name" = o."Name" AND x."PersonId" = o."Id";
                    ELSE
                        -- An edit that leaves name, organization, status, cadre mark and removal alone changes nothing here.
                        INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                        SELECT "OrganizationId", "Status", "IsCadre", sum(n)::int FROM (
                            SELECT "OrganizationId", "Status", "IsCadre", 1 AS n FROM new_rows WHERE NOT "IsRemoved"
                            UNION ALL
                            SELECT "OrganizationId", "Status", "IsCadre", -1 FROM old_rows WHERE NOT "IsRemoved") d
                        GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
                        ON CONFLICT ("OrganizationId", "Status", "IsCadre") DO UPDATE SET "Count" = "RosterCounts"."Count" + EXCLUDED."Count";
                        DELETE FROM "PersonNameChars" x
                        USING old_rows o JOIN new_rows w ON w."Id" = o."Id", unnest(string_to_array(o."Name", NULL)) c
                        WHERE (o."Name", o."OrganizationId", o."Status", o."IsCadre", o."IsRemoved")
                              IS DISTINCT FROM (w."Name", w."OrganizationId", w."Status", w."IsCadre", w."IsRemoved")
                          AND x."Character" = c AND x."Name" = o."Name" AND x."PersonId" = o."Id";
                        INSERT INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                        SELECT DISTINCT c, w."Name", w."Id", w."OrganizationId", w."Status", w."IsCadre"
                        FROM old_rows o JOIN new_rows w ON w."Id" = o."Id", unnest(string_to_array(w."Name", NULL)) c
                        WHERE NOT w."IsRemoved"
                          AND (o."Name", o."OrganizationId", o."Status", o."IsCadre", o."IsRemoved")
                              IS DISTINCT FROM (w."Name", w."OrganizationId", w."Status", w."IsCadre", w."IsRemoved");
                    END IF;
                    RETURN NULL;
                END;
                $$;

                CREATE TRIGGER "People_Roster_Insert" AFTER INSERT ON "People"
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "People_Roster"();
                CREATE TRIGGER "People_Roster_Update" AFTER UPDATE ON "People"
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "People_Roster"();
                CREATE TRIGGER "People_Roster_Delete" AFTER DELETE ON "People"
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "People_Roster"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "People_Roster_Insert" ON "People";
                DROP TRIGGER "People_Roster_Update" ON "People";
                DROP TRIGGER "People_Roster_Delete" ON "People";
                DROP FUNCTION "People_Roster"();
                """);

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
