using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using SmpShade.Api.Matching;
using SmpShade.Colour;

namespace SmpShade.Api.Outcomes;

/// <summary>
/// A trained correction in force: physics + the three predicted residuals. ML.NET prediction engines are not
/// thread-safe, so each call borrows a set of three from a pool; the loaded models themselves are shared.
/// </summary>
public sealed class LearnedHealedToneCorrection : IHealedToneCorrection
{
    private readonly ObjectPool<Engines> pool;

    /// <summary>Loads the three serialized models (L*, a*, b*).</summary>
    public LearnedHealedToneCorrection(string version, byte[] modelL, byte[] modelA, byte[] modelB)
    {
        Version = version;
        var ml = new MLContext();
        ITransformer Load(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return ml.Model.Load(stream, out _);
        }

        var models = new[] { Load(modelL), Load(modelA), Load(modelB) };
        pool = new DefaultObjectPool<Engines>(new EnginePolicy(ml, models), Environment.ProcessorCount * 2);
    }

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>The name a stored version goes by in answers.</summary>
    public static string NameFor(int version) => $"healed-tone-v{version}";

    /// <inheritdoc />
    public Lab Correct(in HealedToneFeatures features)
    {
        var row = ResidualRow.From(features);
        var engines = pool.Get();
        try
        {
            var p = features.Physics;
            return HealedToneTrainer.Clamp(new Lab(
                p.L + engines.L.Predict(row).Score, p.A + engines.A.Predict(row).Score, p.B + engines.B.Predict(row).Score));
        }
        finally
        {
            pool.Return(engines);
        }
    }

    private sealed record Engines(
        PredictionEngine<ResidualRow, ResidualScore> L, PredictionEngine<ResidualRow, ResidualScore> A, PredictionEngine<ResidualRow, ResidualScore> B);

    private sealed class EnginePolicy(MLContext ml, ITransformer[] models) : PooledObjectPolicy<Engines>
    {
        public override Engines Create() => new(Engine(0), Engine(1), Engine(2));

        public override bool Return(Engines obj) => true;

        private PredictionEngine<ResidualRow, ResidualScore> Engine(int channel) =>
            ml.Model.CreatePredictionEngine<ResidualRow, ResidualScore>(models[channel]);
    }
}
