using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GlossaryEnumNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Enums are stored as their names; three values were renamed so that 群众 is Resident and 党员 is Member
            // throughout the code. Only the stored names change, not the schema. (Audit entries keep the names they
            // were written with: they record what was stored then.)
            migrationBuilder.Sql("""
                UPDATE "ElectionRounds" SET "Electorate" = 'Residents' WHERE "Electorate" = 'Masses';
                UPDATE "EvaluationGroups" SET "Kind" = 'ResidentRepresentatives' WHERE "Kind" = 'MassRepresentatives';
                UPDATE "EvaluationGroups" SET "Kind" = 'Members' WHERE "Kind" = 'PartyMembers';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "ElectionRounds" SET "Electorate" = 'Masses' WHERE "Electorate" = 'Residents';
                UPDATE "EvaluationGroups" SET "Kind" = 'MassRepresentatives' WHERE "Kind" = 'ResidentRepresentatives';
                UPDATE "EvaluationGroups" SET "Kind" = 'PartyMembers' WHERE "Kind" = 'Members';
                """);
        }
    }
}
