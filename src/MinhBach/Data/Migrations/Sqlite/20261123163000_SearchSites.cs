using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <summary>Nothing on SQLite: hits are filtered by site from a covering index (the PostgreSQL twin adds site lexemes to its search index).</summary>
    [DbContext(typeof(SqliteAppDb))]
    [Migration("20261123163000_SearchSites")]
    public partial class SearchSites : Migration
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
