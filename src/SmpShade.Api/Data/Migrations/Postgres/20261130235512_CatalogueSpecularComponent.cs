using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmpShade.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 12: each catalogue version says whether its colours were measured with the specular component included
    /// (SCI) or excluded (SCE). Versions stored before were taken as SCI, so they keep "included".
    /// </summary>
    public partial class CatalogueSpecularComponent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SpecularComponent",
                table: "catalogue_versions",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "included");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SpecularComponent",
                table: "catalogue_versions");
        }
    }
}
