using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmpShade.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Outcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "healed_tone_models",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OutcomeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastOutcomeId = table.Column<long>(type: "INTEGER", nullable: false),
                    CvPhysicsDeltaE00 = table.Column<double>(type: "REAL", nullable: false),
                    CvCorrectedDeltaE00 = table.Column<double>(type: "REAL", nullable: false),
                    CvImprovementStandardError = table.Column<double>(type: "REAL", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PhysicsModel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Features = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ModelL = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ModelA = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ModelB = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_healed_tone_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedByKeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CatalogueVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    WaterParts = table.Column<double>(type: "REAL", nullable: false),
                    SkinL = table.Column<double>(type: "REAL", nullable: false),
                    SkinA = table.Column<double>(type: "REAL", nullable: false),
                    SkinB = table.Column<double>(type: "REAL", nullable: false),
                    MonthsSinceTreatment = table.Column<double>(type: "REAL", nullable: false),
                    HealedL = table.Column<double>(type: "REAL", nullable: false),
                    HealedA = table.Column<double>(type: "REAL", nullable: false),
                    HealedB = table.Column<double>(type: "REAL", nullable: false),
                    InkL = table.Column<double>(type: "REAL", nullable: false),
                    InkA = table.Column<double>(type: "REAL", nullable: false),
                    InkB = table.Column<double>(type: "REAL", nullable: false),
                    PhysicsL = table.Column<double>(type: "REAL", nullable: false),
                    PhysicsA = table.Column<double>(type: "REAL", nullable: false),
                    PhysicsB = table.Column<double>(type: "REAL", nullable: false),
                    PhysicsModel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Measurement = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcomes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_healed_tone_models_Version",
                table: "healed_tone_models",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outcomes_Supplier_Sku",
                table: "outcomes",
                columns: new[] { "Supplier", "Sku" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "healed_tone_models");

            migrationBuilder.DropTable(
                name: "outcomes");
        }
    }
}
