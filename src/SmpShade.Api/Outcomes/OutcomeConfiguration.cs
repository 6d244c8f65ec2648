using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmpShade.Api.Outcomes;

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> outcome)
    {
        outcome.ToTable("outcomes");
        outcome.Property(o => o.RecordedByKeyId).HasMaxLength(64);
        outcome.Property(o => o.Supplier).HasMaxLength(64);
        outcome.Property(o => o.Sku).HasMaxLength(64);
        outcome.Property(o => o.PhysicsModel).HasMaxLength(100);
        outcome.Property(o => o.Notes).HasMaxLength(OutcomeValidation.MaxNotesLength);
        outcome.Property(o => o.Source).HasMaxLength(16);
        outcome.Property(o => o.Measurement).HasMaxLength(16);
        // The listing filters by supplier and sku.
        outcome.HasIndex(o => new { o.Supplier, o.Sku });
        // The per-key rate limit reads one key's newest outcomes.
        outcome.HasIndex(o => new { o.RecordedByKeyId, o.Id });
    }
}

internal sealed class HealedToneModelVersionConfiguration : IEntityTypeConfiguration<HealedToneModelVersion>
{
    public void Configure(EntityTypeBuilder<HealedToneModelVersion> version)
    {
        version.ToTable("healed_tone_models");
        // Two racing trainings that pick the same number: the second insert fails instead of duplicating it.
        version.HasIndex(v => v.Version).IsUnique();
        version.Property(v => v.TrainedBy).HasMaxLength(64);
        version.Property(v => v.Reason).HasMaxLength(500);
        version.Property(v => v.PhysicsModel).HasMaxLength(100);
        version.Property(v => v.Features).HasMaxLength(4000);
        version.Property(v => v.RuleVerdict).HasMaxLength(2000);
    }
}

internal sealed class HealedToneModelPromotionConfiguration : IEntityTypeConfiguration<HealedToneModelPromotion>
{
    public void Configure(EntityTypeBuilder<HealedToneModelPromotion> promotion)
    {
        promotion.ToTable("healed_tone_promotions");
        promotion.Property(p => p.PromotedByKeyId).HasMaxLength(64);
        promotion.Property(p => p.Action).HasMaxLength(16);
    }
}
