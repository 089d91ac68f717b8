using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MinhBach.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoyaltiesSyndication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RoyaltyPointValue",
                table: "Sites",
                type: "bigint",
                nullable: false,
                defaultValue: 100_000L); // existing sites start at the default value of one royalty point (Site.DefaultRoyaltyPointValue)

            migrationBuilder.AddColumn<int>(
                name: "OriginArticleId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OriginSiteId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RoyaltyRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefaultPoints = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoyaltyRates_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyndicationProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    TargetSiteId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProposedById = table.Column<int>(type: "integer", nullable: true),
                    ProposedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CopyArticleId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyndicationProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyndicationProposals_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SyndicationProposals_Articles_CopyArticleId",
                        column: x => x.CopyArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SyndicationProposals_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SyndicationProposals_Sites_TargetSiteId",
                        column: x => x.TargetSiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    RateId = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AssignedById = table.Column<int>(type: "integer", nullable: true),
                    AssignedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoyaltyAssignments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoyaltyAssignments_RoyaltyRates_RateId",
                        column: x => x.RateId,
                        principalTable: "RoyaltyRates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoyaltyAssignments_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyAssignments_ArticleId",
                table: "RoyaltyAssignments",
                column: "ArticleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyAssignments_RateId",
                table: "RoyaltyAssignments",
                column: "RateId");

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyAssignments_SiteId_RateId",
                table: "RoyaltyAssignments",
                columns: new[] { "SiteId", "RateId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyRates_SiteId_Name",
                table: "RoyaltyRates",
                columns: new[] { "SiteId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationProposals_ArticleId",
                table: "SyndicationProposals",
                column: "ArticleId",
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationProposals_CopyArticleId",
                table: "SyndicationProposals",
                column: "CopyArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationProposals_SiteId",
                table: "SyndicationProposals",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationProposals_TargetSiteId_Status_ProposedAt",
                table: "SyndicationProposals",
                columns: new[] { "TargetSiteId", "Status", "ProposedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoyaltyAssignments");

            migrationBuilder.DropTable(
                name: "SyndicationProposals");

            migrationBuilder.DropTable(
                name: "RoyaltyRates");

            migrationBuilder.DropColumn(
                name: "RoyaltyPointValue",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "OriginArticleId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "OriginSiteId",
                table: "Articles");
        }
    }
}
