using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SageStudy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NoteBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Stored notes predate the binary outline and their HTML kept apart: the cached index is
            // recreated empty (a table rebuild could not run in the migration's transaction), so the
            // next start parses every file again.
            migrationBuilder.Sql("DELETE FROM UnitTags; DELETE FROM SearchIndex;");
            migrationBuilder.DropTable(name: "Notes");
            migrationBuilder.CreateTable(
                name: "Notes",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    Parsed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IndexedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_Notes", x => x.Path));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM UnitTags; DELETE FROM SearchIndex;");
            migrationBuilder.DropTable(name: "Notes");
            migrationBuilder.CreateTable(
                name: "Notes",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    Parsed = table.Column<string>(type: "TEXT", nullable: false),
                    IndexedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_Notes", x => x.Path));
        }
    }
}
