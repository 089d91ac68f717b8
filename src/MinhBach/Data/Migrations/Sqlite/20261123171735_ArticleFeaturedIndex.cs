using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleFeaturedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_SiteId_IsFeatured_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "SiteId", "IsFeatured", "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SiteId_IsFeatured_Status_PublishedAt",
                table: "Articles");
        }
    }
}
