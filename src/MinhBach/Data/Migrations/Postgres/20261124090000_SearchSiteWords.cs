using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Postgres
{
    /// <summary>The search index also holds each entry's words prefixed with its site ("s13wchinh"), so a search on one site
    /// intersects lists of that site's items only, not the province's (decision 0007). An expression index over a function of
    /// the entry's own columns: no row is rewritten.</summary>
    [DbContext(typeof(PostgresAppDb))]
    [Migration("20261124090000_SearchSiteWords")]
    public partial class SearchSiteWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Features.Search.SearchIndexes.CreateSiteWordsFunction);
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"");
            migrationBuilder.Sql(Features.Search.SearchIndexes.SiteWordsIndex);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"");
            migrationBuilder.Sql(Features.Search.SearchIndexes.SiteIndex);
            migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {Features.Search.SearchIndexes.SiteWordsFunction}(tsvector, integer, integer)");
        }
    }
}
