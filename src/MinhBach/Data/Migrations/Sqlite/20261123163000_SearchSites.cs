using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <summary>The full-text index also holds the entry's sites ("s13", and the second site of a question answered by another
    /// unit) in a column of their own, so a search on one site is filtered inside FTS5 instead of joining every site's hits to
    /// their rows (decision 0007; the PostgreSQL twin adds site lexemes to its GIN index). The sites come from a virtual
    /// generated column of SearchEntries, which the external-content table reads on a rebuild; the triggers are re-created with it.</summary>
    [DbContext(typeof(SqliteAppDb))]
    [Migration("20261123163000_SearchSites")]
    public partial class SearchSites : Migration
    {
        private const string DropFts = "DROP TRIGGER IF EXISTS search_fts_insert; DROP TRIGGER IF EXISTS search_fts_delete; DROP TRIGGER IF EXISTS search_fts_update; DROP TABLE IF EXISTS search_fts;";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "SiteTerms" TEXT GENERATED ALWAYS AS ('s' || "SiteId" || coalesce(' s' || "AlsoOnSiteId", '')) VIRTUAL;
                """);
            migrationBuilder.Sql(DropFts);
            CreateFts(migrationBuilder, "IndexNumber, IndexTitle, IndexText, SiteTerms");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropFts);
            migrationBuilder.Sql("ALTER TABLE \"SearchEntries\" DROP COLUMN \"SiteTerms\";");
            CreateFts(migrationBuilder, "IndexNumber, IndexTitle, IndexText");
        }

        private static void CreateFts(MigrationBuilder migrationBuilder, string columns)
        {
            var newValues = string.Join(", ", columns.Split(", ").Select(c => "new." + c));
            var oldValues = string.Join(", ", columns.Split(", ").Select(c => "old." + c));
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, content='SearchEntries', content_rowid='Id', tokenize='unicode61');");
            migrationBuilder.Sql($"""
                CREATE TRIGGER search_fts_insert AFTER INSERT ON SearchEntries BEGIN
                  INSERT INTO search_fts(rowid, {columns}) VALUES (new.Id, {newValues});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER search_fts_delete AFTER DELETE ON SearchEntries BEGIN
                  INSERT INTO search_fts(search_fts, rowid, {columns}) VALUES ('delete', old.Id, {oldValues});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER search_fts_update AFTER UPDATE ON SearchEntries BEGIN
                  INSERT INTO search_fts(search_fts, rowid, {columns}) VALUES ('delete', old.Id, {oldValues});
                  INSERT INTO search_fts(rowid, {columns}) VALUES (new.Id, {newValues});
                END;
                """);
            // Reads every entry's texts again from SearchEntries (some seconds of CPU for 100,000 entries).
            migrationBuilder.Sql("INSERT INTO search_fts(search_fts) VALUES('rebuild');");
        }
    }
}
