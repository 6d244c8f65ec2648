using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmpShade.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AutoPromotionRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "KeyOutImprovement",
                table: "healed_tone_models",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleVerdict",
                table: "healed_tone_models",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite ≥ 3.35 drops a column in place. With EF's DropColumn (a table rebuild) going down past Promotions
            // failed with 'no such column: "BeatsPhysics"' (PromotionMigrationTests).
            migrationBuilder.Sql("""ALTER TABLE healed_tone_models DROP COLUMN "KeyOutImprovement";""");
            migrationBuilder.Sql("""ALTER TABLE healed_tone_models DROP COLUMN "RuleVerdict";""");
        }
    }
}
