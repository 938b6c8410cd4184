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
            // Stored notes predate their HTML being kept apart: dropping the cached index makes the next start parse every file again.
            migrationBuilder.Sql("DELETE FROM Notes; DELETE FROM UnitTags; DELETE FROM SearchIndex;");
            migrationBuilder.AddColumn<byte[]>(
                name: "Body",
                table: "Notes",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Body",
                table: "Notes");
        }
    }
}
