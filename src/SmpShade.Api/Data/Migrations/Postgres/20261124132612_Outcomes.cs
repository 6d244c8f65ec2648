using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmpShade.Api.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TrainedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OutcomeCount = table.Column<int>(type: "integer", nullable: false),
                    LastOutcomeId = table.Column<long>(type: "bigint", nullable: false),
                    CvPhysicsDeltaE00 = table.Column<double>(type: "double precision", nullable: false),
                    CvCorrectedDeltaE00 = table.Column<double>(type: "double precision", nullable: false),
                    CvImprovementStandardError = table.Column<double>(type: "double precision", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PhysicsModel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Features = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ModelL = table.Column<byte[]>(type: "bytea", nullable: false),
                    ModelA = table.Column<byte[]>(type: "bytea", nullable: false),
                    ModelB = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_healed_tone_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Supplier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CatalogueVersion = table.Column<int>(type: "integer", nullable: false),
                    WaterParts = table.Column<double>(type: "double precision", nullable: false),
                    SkinL = table.Column<double>(type: "double precision", nullable: false),
                    SkinA = table.Column<double>(type: "double precision", nullable: false),
                    SkinB = table.Column<double>(type: "double precision", nullable: false),
                    MonthsSinceTreatment = table.Column<double>(type: "double precision", nullable: false),
                    HealedL = table.Column<double>(type: "double precision", nullable: false),
                    HealedA = table.Column<double>(type: "double precision", nullable: false),
                    HealedB = table.Column<double>(type: "double precision", nullable: false),
                    InkL = table.Column<double>(type: "double precision", nullable: false),
                    InkA = table.Column<double>(type: "double precision", nullable: false),
                    InkB = table.Column<double>(type: "double precision", nullable: false),
                    PhysicsL = table.Column<double>(type: "double precision", nullable: false),
                    PhysicsA = table.Column<double>(type: "double precision", nullable: false),
                    PhysicsB = table.Column<double>(type: "double precision", nullable: false),
                    PhysicsModel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Measurement = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
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
