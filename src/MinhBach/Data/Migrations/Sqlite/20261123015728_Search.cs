using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RefId = table.Column<int>(type: "INTEGER", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IndexNumber = table.Column<string>(type: "TEXT", nullable: false),
                    IndexTitle = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    IndexText = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_RefId",
                table: "SearchEntries",
                columns: new[] { "Kind", "RefId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SiteId_Date",
                table: "SearchEntries",
                columns: new[] { "SiteId", "Date" });

            // The full-text index: FTS5 over the normal forms, reading its text from SearchEntries (external
            // content), kept in step by triggers. A later migration that rebuilds SearchEntries must re-create them.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_fts USING fts5(IndexNumber, IndexTitle, IndexText, content='SearchEntries', content_rowid='Id', tokenize='unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER search_fts_insert AFTER INSERT ON SearchEntries BEGIN
                  INSERT INTO search_fts(rowid, IndexNumber, IndexTitle, IndexText) VALUES (new.Id, new.IndexNumber, new.IndexTitle, new.IndexText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER search_fts_delete AFTER DELETE ON SearchEntries BEGIN
                  INSERT INTO search_fts(search_fts, rowid, IndexNumber, IndexTitle, IndexText) VALUES ('delete', old.Id, old.IndexNumber, old.IndexTitle, old.IndexText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER search_fts_update AFTER UPDATE ON SearchEntries BEGIN
                  INSERT INTO search_fts(search_fts, rowid, IndexNumber, IndexTitle, IndexText) VALUES ('delete', old.Id, old.IndexNumber, old.IndexTitle, old.IndexText);
                  INSERT INTO search_fts(rowid, IndexNumber, IndexTitle, IndexText) VALUES (new.Id, new.IndexNumber, new.IndexTitle, new.IndexText);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS search_fts_insert; DROP TRIGGER IF EXISTS search_fts_delete; DROP TRIGGER IF EXISTS search_fts_update; DROP TABLE IF EXISTS search_fts;");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
