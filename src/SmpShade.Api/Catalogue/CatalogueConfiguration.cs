using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmpShade.Api.Data;

namespace SmpShade.Api.Catalogue;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> supplier)
    {
        supplier.ToTable("suppliers");
        supplier.Property(s => s.Slug).HasMaxLength(64);
        supplier.HasIndex(s => s.Slug).IsUnique();
        supplier.HasMany(s => s.Versions).WithOne(v => v.Supplier).HasForeignKey(v => v.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueVersion> version)
    {
        version.ToTable("catalogue_versions");
        // Two racing imports that both pick the next number: the second insert fails here and retries.
        version.HasIndex(v => new { v.SupplierId, v.Number }).IsUnique();
        version.Property(v => v.LoadedByKeyId).HasMaxLength(64);
        version.Property(v => v.SourceFormat).HasMaxLength(8);
        version.Property(v => v.SpecularComponent).HasMaxLength(8);
        version.HasMany(v => v.Pigments).WithOne(p => p.Version).HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PigmentConfiguration : IEntityTypeConfiguration<Pigment>
{
    public void Configure(EntityTypeBuilder<Pigment> pigment)
    {
        pigment.ToTable("pigments");
        pigment.HasIndex(p => new { p.VersionId, p.Sku }).IsUnique();
        pigment.Property(p => p.Sku).HasMaxLength(64);
        pigment.Property(p => p.Name).HasMaxLength(200);
        pigment.Property(p => p.Line).HasMaxLength(100);
        pigment.Property(p => p.MeasuredIlluminant).HasMaxLength(8);
        pigment.Property(p => p.Base).HasMaxLength(16).HasConversion(
            b => PigmentBases.ToText(b), text => PigmentBases.Parse(text)!.Value);
        // Number lists are stored as invariant text ("0;3;6") so both SQLite and PostgreSQL hold them the same way.
        pigment.Property(p => p.WaterParts).HasConversion(NumberList.Converter, NumberList.Comparer).HasMaxLength(400);
        pigment.Property(p => p.Reflectance).HasConversion(NumberList.NullableConverter, NumberList.NullableComparer);
    }
}
