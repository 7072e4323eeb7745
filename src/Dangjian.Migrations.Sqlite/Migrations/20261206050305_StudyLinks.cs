using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StudyLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Hours",
                table: "TheoryLectures",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "StudyRecords",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MenuCourseId",
                table: "StudyRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TheoryLectureId",
                table: "StudyRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Teacher",
                table: "MenuCourses",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyRecords_MenuCourseId_PersonId",
                table: "StudyRecords",
                columns: new[] { "MenuCourseId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyRecords_TheoryLectureId",
                table: "StudyRecords",
                column: "TheoryLectureId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_StudyRecords_MenuCourses_MenuCourseId",
                table: "StudyRecords",
                column: "MenuCourseId",
                principalTable: "MenuCourses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_StudyRecords_TheoryLectures_TheoryLectureId",
                table: "StudyRecords",
                column: "TheoryLectureId",
                principalTable: "TheoryLectures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StudyRecords_MenuCourses_MenuCourseId",
                table: "StudyRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_StudyRecords_TheoryLectures_TheoryLectureId",
                table: "StudyRecords");

            migrationBuilder.DropIndex(
                name: "IX_StudyRecords_MenuCourseId_PersonId",
                table: "StudyRecords");

            migrationBuilder.DropIndex(
                name: "IX_StudyRecords_TheoryLectureId",
                table: "StudyRecords");

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "TheoryLectures");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "StudyRecords");

            migrationBuilder.DropColumn(
                name: "MenuCourseId",
                table: "StudyRecords");

            migrationBuilder.DropColumn(
                name: "TheoryLectureId",
                table: "StudyRecords");

            migrationBuilder.DropColumn(
                name: "Teacher",
                table: "MenuCourses");
        }
    }
}
