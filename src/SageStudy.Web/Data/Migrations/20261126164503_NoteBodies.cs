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
            // Stored notes predate the binary outline and their HTML kept apart: dropping the cached
            // index makes the next start parse every file again.
            migrationBuilder.Sql("DELETE FROM Notes; DELETE FROM UnitTags; DELETE FROM SearchIndex;");
            migrationBuilder.AlterColumn<byte[]>(
                name: "Parsed",
                table: "Notes",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");

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

            migrationBuilder.AlterColumn<string>(
                name: "Parsed",
                table: "Notes",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");
        }
    }
}
