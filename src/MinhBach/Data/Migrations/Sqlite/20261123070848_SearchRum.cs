using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchRum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AlsoOnSiteId",
                table: "SearchEntries",
                type: "INTEGER",
                nullable: true);

            // Covers the columns search filters its hits by (see SqliteAppDb); filled from the table as it is made.
            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Scan",
                table: "SearchEntries",
                columns: new[] { "Id", "SiteId", "AlsoOnSiteId", "Kind", "TypeCode", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Scan",
                table: "SearchEntries");

            // In place: a rebuilt SearchEntries would lose the triggers that keep search_fts.
            migrationBuilder.Sql("ALTER TABLE \"SearchEntries\" DROP COLUMN \"AlsoOnSiteId\"");
        }
    }
}
