using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleUnitsSeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "TeamPositions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartsOn",
                table: "TeamPositions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FullMemberOn",
                table: "People",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCadre",
                table: "People",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndsOn",
                table: "TeamPositions");

            migrationBuilder.DropColumn(
                name: "StartsOn",
                table: "TeamPositions");

            migrationBuilder.DropColumn(
                name: "FullMemberOn",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IsCadre",
                table: "People");
        }
    }
}
