using SmpShade.Colour;

namespace SmpShade.Api.Matching;

/// <summary>What a learned correction sees of one prediction (the features of docs/api.md, "Learning from healed results").</summary>
/// <param name="Skin">The skin the ink sits in (measured Lab, D65).</param>
/// <param name="Ink">The neat ink's Lab (D65).</param>
/// <param name="Concentration">c = 1/(1 + water parts).</param>
/// <param name="Months">Months since treatment (years × 12).</param>
/// <param name="Physics">The physics-only healed prediction.</param>
public readonly record struct HealedToneFeatures(Lab Skin, Lab Ink, double Concentration, double Months, Lab Physics);

/// <summary>
/// A learned correction of the physics prediction (the ML.NET residual model of docs/api.md "Learning from healed results", trained in Outcomes).
/// Matching asks <see cref="IHealedToneCorrectionSource"/> for the one in force and names its <see cref="Version"/>.
/// </summary>
public interface IHealedToneCorrection
{
    /// <summary>Names the trained model (shown in every answer that used it).</summary>
    string Version { get; }

    /// <summary>The corrected healed colour.</summary>
    Lab Correct(in HealedToneFeatures features);
}

/// <summary>
/// Where matching learns which correction is in force. The service's source (Outcomes) reads the promotion an admin
/// made from the database on every request, so every replica uses the same correction as soon as it is promoted or
/// rolled back; tests give a fixed one. A real seam: two implementations.
/// </summary>
public interface IHealedToneCorrectionSource
{
    /// <summary>The name answers give when no correction is used.</summary>
    const string PhysicsOnly = "physics-only";

    /// <summary>The correction in force, or null for physics-only.</summary>
    Task<IHealedToneCorrection?> InForceAsync(CancellationToken cancellationToken);
}
