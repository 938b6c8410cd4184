using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SageStudy.Web.Data.Migrations
{
    /// <summary>
    /// Full-text search over note sections: an FTS5 table, which EF Core cannot model, so it is
    /// created here and used with plain parameterised SQL (see <c>NoteSearch</c>).
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE SearchIndex USING fts5(" +
                "title, note_title, body, note UNINDEXED, anchor UNINDEXED, folder UNINDEXED, tags UNINDEXED, " +
                "tokenize = 'porter unicode61 remove_diacritics 2');");
            // Titles weigh more than body text; FTS5 orders by this "rank" cheaply when asked for the top N.
            migrationBuilder.Sql("INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');");
            // Re-indexing the notes fills the table: forget the stored parses so the next start parses everything.
            migrationBuilder.Sql("DELETE FROM Notes;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE SearchIndex;");
        }
    }
}
