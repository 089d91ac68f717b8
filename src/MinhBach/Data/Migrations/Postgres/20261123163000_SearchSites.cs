using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Postgres
{
    /// <summary>The search index also holds a lexeme for the entry's site (and for the second site of a question answered by another
    /// unit), so a search on one site is filtered inside GIN instead of reading every site's hits from the table (decision 0007).
    /// An expression index: no row is rewritten.</summary>
    [DbContext(typeof(PostgresAppDb))]
    [Migration("20261123163000_SearchSites")]
    public partial class SearchSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"");
            migrationBuilder.Sql(Features.Search.SearchIndexes.SiteIndex);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"");
            migrationBuilder.Sql(Features.Search.SearchIndexes.BlockIndex);
        }
    }
}
