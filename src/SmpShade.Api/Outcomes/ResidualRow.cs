using SmpShade.Api.Matching;
using SmpShade.Colour;

namespace SmpShade.Api.Outcomes;

/// <summary>One row as ML.NET sees it: the features of docs/api.md "Learning from healed results" and the three residuals healed − physics.</summary>
internal sealed class ResidualRow
{
    /// <summary>The feature columns, in the order they are concatenated.</summary>
    public static readonly string[] FeatureColumns =
    [
        nameof(SkinL), nameof(SkinA), nameof(SkinB), nameof(InkL), nameof(InkA), nameof(InkB),
        nameof(Concentration), nameof(Months), nameof(PhysicsL), nameof(PhysicsA), nameof(PhysicsB),
    ];

    /// <summary>The label column of each channel's model.</summary>
    public static readonly string[] LabelColumns = [nameof(ResidualL), nameof(ResidualA), nameof(ResidualB)];

    public float SkinL { get; set; }

    public float SkinA { get; set; }

    public float SkinB { get; set; }

    public float InkL { get; set; }

    public float InkA { get; set; }

    public float InkB { get; set; }

    public float Concentration { get; set; }

    public float Months { get; set; }

    public float PhysicsL { get; set; }

    public float PhysicsA { get; set; }

    public float PhysicsB { get; set; }

    public float ResidualL { get; set; }

    public float ResidualA { get; set; }

    public float ResidualB { get; set; }

    /// <summary>A row for prediction (residuals 0) or, with <paramref name="healed"/>, for training.</summary>
    public static ResidualRow From(in HealedToneFeatures f, Lab? healed = null) => new()
    {
        SkinL = (float)f.Skin.L,
        SkinA = (float)f.Skin.A,
        SkinB = (float)f.Skin.B,
        InkL = (float)f.Ink.L,
        InkA = (float)f.Ink.A,
        InkB = (float)f.Ink.B,
        Concentration = (float)f.Concentration,
        Months = (float)f.Months,
        PhysicsL = (float)f.Physics.L,
        PhysicsA = (float)f.Physics.A,
        PhysicsB = (float)f.Physics.B,
        ResidualL = healed is { } h ? (float)(h.L - f.Physics.L) : 0,
        ResidualA = healed is { } ha ? (float)(ha.A - f.Physics.A) : 0,
        ResidualB = healed is { } hb ? (float)(hb.B - f.Physics.B) : 0,
    };
}

/// <summary>A channel model's output: the predicted residual.</summary>
internal sealed class ResidualScore
{
    public float Score { get; set; }
}
