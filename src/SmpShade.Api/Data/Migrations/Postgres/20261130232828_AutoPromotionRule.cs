using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmpShade.Api.Data.Migrations.Postgres
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleVerdict",
                table: "healed_tone_models",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeyOutImprovement",
                table: "healed_tone_models");

            migrationBuilder.DropColumn(
                name: "RuleVerdict",
                table: "healed_tone_models");
        }
    }
}
