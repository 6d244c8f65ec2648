using SmpShade.Api.Catalogue;
using SmpShade.Api.Matching;
using SmpShade.Colour;
using SmpShade.Colour.Healing;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// The physics-only prediction for an outcome, computed exactly as matching computes it (same model, same ink
/// optics, same features), so the residuals learnt here correct what matching predicts.
/// </summary>
public sealed class OutcomePhysics(HealedToneModel model)
{
    /// <summary>The physics in force as <c>name@parameters</c>; a correction is only valid against the physics it learnt.</summary>
    public string ModelName => $"{HealedToneOptions.ModelName}@{model.Options.ParametersVersion}";

    /// <summary>The features of this outcome's physics prediction (skin fit, ink optics, dilution, fading).</summary>
    public HealedToneFeatures Predict(CataloguePigment pigment, Lab skin, double waterParts, double months)
    {
        ArgumentNullException.ThrowIfNull(pigment);
        var ink = InkOptics.For(pigment.Lab, pigment.Reflectance, pigment.BaseText, pigment.Scattering, pigment.SpecularIncluded);
        var fit = model.FitSkin(skin);
        var healed = model.Healed(fit.Skin, ink, waterParts, months / 12);
        return new HealedToneFeatures(skin, ink.Lab, 1 / (1 + waterParts), months, healed);
    }
}
