using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceRegistryMonitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ManualFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManualFindings_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitorRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FinalUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PackId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Deep = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reachable = table.Column<bool>(type: "INTEGER", nullable: false),
                    PagesRead = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistryEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitNameFolded = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitKindCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    SiteTypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LicenceIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LicenceIssuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LicenceExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubdomainConfirmation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Ipv6 = table.Column<bool>(type: "INTEGER", nullable: true),
                    Emc = table.Column<bool>(type: "INTEGER", nullable: true),
                    EmcSiteId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_RegistryEntries_ParentId",
                        column: x => x.ParentId,
                        principalTable: "RegistryEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenById = table.Column<int>(type: "INTEGER", nullable: true),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SiteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistryDomains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryDomains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryDomains_RegistryEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "RegistryEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSnapshotSites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    SiteKey = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    SiteName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    EvaluationJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSnapshotSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSnapshotSites_ReviewSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "ReviewSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewSnapshotSites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ManualFindings_SiteId_RuleId",
                table: "ManualFindings",
                columns: new[] { "SiteId", "RuleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitorRuns_Host_StartedAt",
                table: "MonitorRuns",
                columns: new[] { "Host", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryDomains_Domain",
                table: "RegistryDomains",
                column: "Domain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryDomains_EntryId",
                table: "RegistryDomains",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_ParentId",
                table: "RegistryEntries",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_SiteId",
                table: "RegistryEntries",
                column: "SiteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_UnitNameFolded",
                table: "RegistryEntries",
                column: "UnitNameFolded");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSnapshots_PackId_TakenAt",
                table: "ReviewSnapshots",
                columns: new[] { "PackId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSnapshotSites_SiteId",
                table: "ReviewSnapshotSites",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSnapshotSites_SnapshotId_SiteKey",
                table: "ReviewSnapshotSites",
                columns: new[] { "SnapshotId", "SiteKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManualFindings");

            migrationBuilder.DropTable(
                name: "MonitorRuns");

            migrationBuilder.DropTable(
                name: "RegistryDomains");

            migrationBuilder.DropTable(
                name: "ReviewSnapshotSites");

            migrationBuilder.DropTable(
                name: "RegistryEntries");

            migrationBuilder.DropTable(
                name: "ReviewSnapshots");
        }
    }
}
