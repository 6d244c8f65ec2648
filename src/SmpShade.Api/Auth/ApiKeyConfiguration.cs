using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmpShade.Api.Auth;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.Property(k => k.Id).HasMaxLength(32);
        key.Property(k => k.Name).HasMaxLength(200);
        key.Property(k => k.Role).HasMaxLength(16);
        key.Property(k => k.Supplier).HasMaxLength(64);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.Hash).HasMaxLength(64);
        key.HasIndex(k => k.Prefix);
        key.HasIndex(k => k.Hash).IsUnique();
    }
}
