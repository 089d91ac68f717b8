using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <summary>Nothing on SQLite: FTS5 already skips through the words' lists to the site's terms (the PostgreSQL twin adds
    /// each entry's words on its site to its GIN index).</summary>
    [DbContext(typeof(SqliteAppDb))]
    [Migration("20261124090000_SearchSiteWords")]
    public partial class SearchSiteWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
