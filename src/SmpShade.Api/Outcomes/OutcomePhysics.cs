using Microsoft.EntityFrameworkCore;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Data;
using SmpShade.Api.Matching;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Outcomes;

/// <summary>The catalogue pigment an outcome names, resolved to a version.</summary>
public sealed record OutcomePigment(string Supplier, int Version, string Sku, Lab Lab, IReadOnlyList<double>? Reflectance);

/// <summary>
/// The physics-only prediction for an outcome, computed exactly as matching computes it (same model, same ink
/// optics, same features), so the residuals learnt here correct what matching predicts.
/// </summary>
public sealed class OutcomePhysics(HealedToneModel model)
{
    /// <summary>The physics in force as <c>name@parameters</c>; a correction is only valid against the physics it learnt.</summary>
    public string ModelName => $"{HealedToneOptions.ModelName}@{model.Options.ParametersVersion}";

    /// <summary>The features of this outcome's physics prediction (skin fit, ink optics, dilution, fading).</summary>
    public HealedToneFeatures Predict(OutcomePigment pigment, Lab skin, double waterParts, double months)
    {
        ArgumentNullException.ThrowIfNull(pigment);
        var ink = pigment.Reflectance is { Count: Chromophores.Count } r ? InkOptics.FromReflectance(r) : InkOptics.FromLab(pigment.Lab);
        var fit = model.FitSkin(skin);
        var healed = fit.Skin.HealedLab(ink.KOverS, model.Load(waterParts, months / 12));
        return new HealedToneFeatures(skin, ink.Lab, 1 / (1 + waterParts), months, healed);
    }

    /// <summary>
    /// Finds a supplier's pigment in a version (the current one when <paramref name="version"/> is null).
    /// Throws <see cref="CatalogueNotFoundException"/> with <c>catalogue.supplier_not_found</c>,
    /// <c>catalogue.version_not_found</c> or <c>outcome.pigment_not_found</c>.
    /// </summary>
    public static async Task<OutcomePigment> FindPigmentAsync(SmpShadeDbContext db, string supplier, string sku, int? version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Suppliers.AsNoTracking().Where(s => s.Slug == supplier).Select(s => new { s.Id }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CatalogueNotFoundException("catalogue.supplier_not_found", $"No supplier '{supplier}'.");
        var versions = db.CatalogueVersions.AsNoTracking().Where(v => v.SupplierId == row.Id);
        var found = await (version is { } n ? versions.Where(v => v.Number == n) : versions.OrderByDescending(v => v.Number))
            .Select(v => new { v.Id, v.Number }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CatalogueNotFoundException("catalogue.version_not_found",
                version is null ? $"Supplier '{supplier}' has no catalogue yet." : $"Supplier '{supplier}' has no version {version}.");
        var pigment = await db.Pigments.AsNoTracking().FirstOrDefaultAsync(p => p.VersionId == found.Id && p.Sku == sku, cancellationToken)
            ?? throw new CatalogueNotFoundException("outcome.pigment_not_found",
                $"Supplier '{supplier}' has no pigment '{sku}' in catalogue version {found.Number}.");
        return new OutcomePigment(supplier, found.Number, pigment.Sku, new Lab(pigment.L, pigment.A, pigment.B), pigment.Reflectance);
    }
}
