using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MinhBach.Data.Migrations.Sqlite
{
    /// <summary>
    /// Intentionally empty. On PostgreSQL this step creates Quartz.NET's job-store tables (qrtz_*) for the
    /// clustered scheduler; SQLite is the single-node, embedded database, where Quartz keeps its schedule in
    /// memory (Features/Scheduling) and needs no table. The step exists so that both providers keep the same
    /// list of migrations.
    /// </summary>
    public partial class QuartzStore : Migration
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
