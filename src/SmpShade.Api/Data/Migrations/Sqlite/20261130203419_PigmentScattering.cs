using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmpShade.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PigmentScattering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Scattering",
                table: "pigments",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Scattering",
                table: "pigments");
        }
    }
}
