using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            // This step also made the search index RUM when the server had the rum extension; measured to give no gain, it
            // is no longer made, and SearchBlocks replaces whichever index a database has (decision 0007).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AlsoOnSiteId",
                table: "SearchEntries");

            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"");
            migrationBuilder.Sql(Features.Search.SearchIndexes.GinIndex);
        }
    }
}
