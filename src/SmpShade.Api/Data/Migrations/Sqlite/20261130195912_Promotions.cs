using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmpShade.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Promotions : Migration
    {
        /// <summary>
        /// Training no longer puts a version in force; an admin promotes one. The version in force before this
        /// migration stays in force, recorded as promoted by <c>upgrade</c>; <c>Active</c> becomes <c>BeatsPhysics</c>,
        /// read back from each version's stored reason (a version deactivated by a later training may still beat physics).
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "healed_tone_promotions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PromotedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PromotedByKeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_healed_tone_promotions", x => x.Id);
                });

            migrationBuilder.Sql(
                """
                INSERT INTO healed_tone_promotions ("Version", "PreviousVersion", "PromotedAt", "PromotedByKeyId", "Action")
                SELECT "Version", NULL, "TrainedAt", 'upgrade', 'promote' FROM healed_tone_models WHERE "Active" = 1 ORDER BY "Version" DESC LIMIT 1;
                """);

            migrationBuilder.RenameColumn(
                name: "Active",
                table: "healed_tone_models",
                newName: "BeatsPhysics");

            migrationBuilder.Sql(
                """
                UPDATE healed_tone_models SET "BeatsPhysics" = ("Reason" LIKE 'Beats physics-only%');
                """);

            migrationBuilder.AddColumn<int>(
                name: "SourceKeyCount",
                table: "healed_tone_models",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(
                """
                UPDATE healed_tone_models SET "SourceKeyCount" = (SELECT COUNT(DISTINCT o."RecordedByKeyId") FROM outcomes o
                    WHERE o."Id" <= healed_tone_models."LastOutcomeId" AND o."Source" = 'clinic');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_outcomes_RecordedByKeyId_Id",
                table: "outcomes",
                columns: new[] { "RecordedByKeyId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outcomes_RecordedByKeyId_Id",
                table: "outcomes");

            migrationBuilder.DropColumn(
                name: "SourceKeyCount",
                table: "healed_tone_models");

            migrationBuilder.RenameColumn(
                name: "BeatsPhysics",
                table: "healed_tone_models",
                newName: "Active");

            migrationBuilder.Sql(
                """
                UPDATE healed_tone_models SET "Active" = COALESCE("Version" = (SELECT p."Version" FROM healed_tone_promotions p ORDER BY p."Id" DESC LIMIT 1), 0);
                """);

            migrationBuilder.DropTable(
                name: "healed_tone_promotions");
        }
    }
}
