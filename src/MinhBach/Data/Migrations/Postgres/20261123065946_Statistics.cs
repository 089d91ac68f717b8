using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ShowVisitCounter",
                table: "Sites",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "VisitsBefore",
                table: "Sites",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VisitsBeforeDate",
                table: "Sites",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VisitDays",
                columns: table => new
                {
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false),
                    Visitors = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitDays", x => new { x.SiteId, x.Day });
                    table.ForeignKey(
                        name: "FK_VisitDays_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitorMarks",
                columns: table => new
                {
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Hash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitorMarks", x => new { x.SiteId, x.Day, x.Hash });
                    table.ForeignKey(
                        name: "FK_VisitorMarks_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitPageDays",
                columns: table => new
                {
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPageDays", x => new { x.SiteId, x.Day, x.Path });
                    table.ForeignKey(
                        name: "FK_VisitPageDays_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitSalts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitSalts", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "VisitSourceDays",
                columns: table => new
                {
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Referrer = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Device = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitSourceDays", x => new { x.SiteId, x.Day, x.Referrer, x.Device });
                    table.ForeignKey(
                        name: "FK_VisitSourceDays_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitDays_Day",
                table: "VisitDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorMarks_Day",
                table: "VisitorMarks",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitDays");

            migrationBuilder.DropTable(
                name: "VisitorMarks");

            migrationBuilder.DropTable(
                name: "VisitPageDays");

            migrationBuilder.DropTable(
                name: "VisitSalts");

            migrationBuilder.DropTable(
                name: "VisitSourceDays");

            migrationBuilder.DropColumn(
                name: "ShowVisitCounter",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "VisitsBefore",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "VisitsBeforeDate",
                table: "Sites");
        }
    }
}
