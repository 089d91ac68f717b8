using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Postgres
{
    /// <summary>The search index becomes GIN over the tsvector plus a lexeme for the entry's block of ids, so the newest hits of
    /// a common word are read without its whole posting list; the RUM index, which gave no gain, is dropped (decision 0007).</summary>
    [DbContext(typeof(PostgresAppDb))]
    [Migration("20261123120000_SearchBlocks")]
    public partial class SearchBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"");
            migrationBuilder.Sql(Features.Search.SearchIndexes.BlockIndex);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_SearchEntries_Vector\"");
            migrationBuilder.Sql(Features.Search.SearchIndexes.GinIndex);
        }
    }
}
