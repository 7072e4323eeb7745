using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dangjian.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DutiesMattersAwardsPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "TeamPositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartsOn",
                table: "TeamPositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FullMemberOn",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCadre",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AwardSelections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyWorkerQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublicityFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicityTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HearingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingParticipants = table.Column<int>(type: "INTEGER", nullable: true),
                    HearingSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Consultations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateActivities_CongressTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CongressTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateActivities_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateMotions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignersCounted = table.Column<int>(type: "INTEGER", nullable: true),
                    SignersRequired = table.Column<int>(type: "INTEGER", nullable: true),
                    ServingDelegates = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstain = table.Column<int>(type: "INTEGER", nullable: true),
                    VotedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ElectionProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    ElectionRoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateMotions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_CongressTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CongressTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_ElectionProjects_ElectionProjectId",
                        column: x => x.ElectionProjectId,
                        principalTable: "ElectionProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotions_People_TargetPersonId",
                        column: x => x.TargetPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RaisedMatters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RaisedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SupporterIds = table.Column<string>(type: "TEXT", nullable: false),
                    TeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Mandatory = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaisedMatters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RaisedMatters_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RaisedMatters_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RaisedMatters_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RaisedMatters_People_RaisedByPersonId",
                        column: x => x.RaisedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardNominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    NomineeOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    NomineeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NominatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RefusalsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Chosen = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedByObjection = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    AwardingOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    NomineeOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    NomineeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                name: "ConsultationComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationComments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertOpinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertOpinions_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DelegateActivityAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    AbsenceReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateActivityAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateActivityAttendance_DelegateActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "DelegateActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DelegateActivityAttendance_DelegateSeats_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "DelegateSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateActivityAttendance_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateWorkReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    EvaluationCampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateWorkReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_CongressTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CongressTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_DelegateActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "DelegateActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_EvaluationCampaigns_EvaluationCampaignId",
                        column: x => x.EvaluationCampaignId,
                        principalTable: "EvaluationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateWorkReports_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateMotionSigners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MotionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateMotionSigners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateMotionSigners_DelegateMotions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "DelegateMotions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DelegateMotionSigners_DelegateSeats_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "DelegateSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegateMotionSigners_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_ConsultationId",
                table: "ConsultationComments",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_AgendaItemId",
                table: "Consultations",
                column: "AgendaItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_OrganizationId",
                table: "Consultations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivities_OrganizationId_Published",
                table: "DelegateActivities",
                columns: new[] { "OrganizationId", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivities_TermId_HeldOn",
                table: "DelegateActivities",
                columns: new[] { "TermId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivityAttendance_ActivityId_DelegateId",
                table: "DelegateActivityAttendance",
                columns: new[] { "ActivityId", "DelegateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivityAttendance_DelegateId",
                table: "DelegateActivityAttendance",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateActivityAttendance_PersonId",
                table: "DelegateActivityAttendance",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_ElectionProjectId",
                table: "DelegateMotions",
                column: "ElectionProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_OrganizationId",
                table: "DelegateMotions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_TargetPersonId",
                table: "DelegateMotions",
                column: "TargetPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotions_TermId_Status",
                table: "DelegateMotions",
                columns: new[] { "TermId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotionSigners_DelegateId",
                table: "DelegateMotionSigners",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotionSigners_MotionId_PersonId",
                table: "DelegateMotionSigners",
                columns: new[] { "MotionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegateMotionSigners_PersonId",
                table: "DelegateMotionSigners",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_ActivityId",
                table: "DelegateWorkReports",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_EvaluationCampaignId",
                table: "DelegateWorkReports",
                column: "EvaluationCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_OrganizationId",
                table: "DelegateWorkReports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_PersonId",
                table: "DelegateWorkReports",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateWorkReports_TermId_ReportedOn",
                table: "DelegateWorkReports",
                columns: new[] { "TermId", "ReportedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertOpinions_ConsultationId",
                table: "ExpertOpinions",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_RaisedMatters_AgendaItemId",
                table: "RaisedMatters",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RaisedMatters_MeetingId",
                table: "RaisedMatters",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_RaisedMatters_OrganizationId_Status",
                table: "RaisedMatters",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RaisedMatters_RaisedByPersonId",
                table: "RaisedMatters",
                column: "RaisedByPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardObjections");

            migrationBuilder.DropTable(
                name: "AwardRecords");

            migrationBuilder.DropTable(
                name: "ConsultationComments");

            migrationBuilder.DropTable(
                name: "DelegateActivityAttendance");

            migrationBuilder.DropTable(
                name: "DelegateMotionSigners");

            migrationBuilder.DropTable(
                name: "DelegateWorkReports");

            migrationBuilder.DropTable(
                name: "ExpertOpinions");

            migrationBuilder.DropTable(
                name: "RaisedMatters");

            migrationBuilder.DropTable(
                name: "AwardNominations");

            migrationBuilder.DropTable(
                name: "DelegateMotions");

            migrationBuilder.DropTable(
                name: "DelegateActivities");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "AwardSelections");

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
