using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <summary>Nothing on SQLite: FTS5 already walks its hits newest first (the PostgreSQL twin changes the search index).</summary>
    [DbContext(typeof(SqliteAppDb))]
    [Migration("20261123120000_SearchBlocks")]
    public partial class SearchBlocks : Migration
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
