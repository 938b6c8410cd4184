using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SageStudy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnswersDailyCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_LearnerId_AnsweredAt",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_LearnerId_AnsweredAt_Correct",
                table: "Answers",
                columns: new[] { "LearnerId", "AnsweredAt", "Correct" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_LearnerId_AnsweredAt_Correct",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_LearnerId_AnsweredAt",
                table: "Answers",
                columns: new[] { "LearnerId", "AnsweredAt" });
        }
    }
}
