using Microsoft.Extensions.Options;
using SmpShade.Api.Infrastructure;

namespace SmpShade.Api.Photos;

/// <summary>
/// The photo analysis pipeline (SCIENCE.md §2–5): decode within limits → colour profile → reference correction →
/// regions (given or guessed) → skin, then hair against the skin. Nothing of the photo is stored or logged.
/// A singleton: it also bounds how many analyses run at once (excess: 503 <c>server.busy</c>).
/// </summary>
public sealed class PhotoAnalyzer : IDisposable
{
    private static readonly PhotoWarning Guessed = new("regions.guessed",
        "Hair and skin regions were guessed; check them on the photo and mark them if they are wrong.");

    private readonly PhotoOptions options;
    private readonly SemaphoreSlim gate;

    public PhotoAnalyzer(IOptions<PhotoOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        gate = new SemaphoreSlim(this.options.EffectiveConcurrency, this.options.EffectiveConcurrency);
    }

    /// <summary>The limits in force.</summary>
    public PhotoOptions Options => options;

    /// <summary>
    /// Takes a concurrency slot before the upload is read (503 <c>server.busy</c> when none is free): the endpoints
    /// hold it while the form is buffered, so the photos held in memory at once are bounded, not one per connection.
    /// </summary>
    public Slot Reserve(CancellationToken cancellationToken)
    {
        Enter(cancellationToken);
        return new Slot(this);
    }

    /// <summary>A held concurrency slot; analyses under it, released on dispose.</summary>
    public sealed class Slot : IDisposable
    {
        private PhotoAnalyzer? owner;

        internal Slot(PhotoAnalyzer owner) => this.owner = owner;

        /// <summary>Analyses photo bytes under this slot.</summary>
        public AnalysisResult Analyze(byte[] photo, AnalysisOptions analysis, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(photo);
            ArgumentNullException.ThrowIfNull(analysis);
            ObjectDisposedException.ThrowIf(owner is null, this);
            return owner.Run(photo, analysis, cancellationToken);
        }

        public void Dispose() => Interlocked.Exchange(ref owner, null)?.gate.Release();
    }

    /// <summary>Takes a concurrency slot without waiting: a full house is 503 <c>server.busy</c>, not a queue that can exhaust memory.</summary>
    private void Enter(CancellationToken cancellationToken)
    {
        if (!gate.Wait(0, cancellationToken))
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "server.busy", "Too many photos are being analysed.",
                $"Try again in {options.RetryAfterSeconds} s.") { RetryAfterSeconds = options.RetryAfterSeconds };
        }
    }

    private AnalysisResult Run(byte[] photo, AnalysisOptions analysis, CancellationToken cancellationToken)
    {
        using var pixels = PhotoDecoder.Decode(photo, options, cancellationToken);
        var warnings = new List<PhotoWarning>();
        if (pixels.ColourSpace.Warning is { } profileWarning)
        {
            warnings.Add(profileWarning);
        }

        var reference = ReferenceStage.Build(pixels, analysis, options);
        warnings.AddRange(reference.Warnings);
        cancellationToken.ThrowIfCancellationRequested();

        var hairRegion = analysis.Regions?.Hair;
        var skinRegion = analysis.Regions?.Skin;
        bool guessed = hairRegion is null || skinRegion is null;
        if (guessed)
        {
            (hairRegion, skinRegion) = AutoRegions.Guess(pixels, reference.Correction, options);
            warnings.Add(Guessed);
        }

        var measurer = new RegionMeasurer(pixels, reference.Correction, options, warnings, reference.ForSkin);
        var skin = measurer.MeasureSkin(skinRegion!);
        cancellationToken.ThrowIfCancellationRequested();
        var hair = measurer.MeasureHair(hairRegion!, skin.Lab.ToLab());
        ReferenceStage.EnsurePlausible(reference, ("skin", skin.Lab.ToLab()), ("hair", hair.Lab.ToLab()));

        return new AnalysisResult(
            hair,
            skin,
            new ReferenceInfo(reference.Type, reference.Model, AnswerPrecision.Colour(reference.LooMeanDeltaE00), AnswerPrecision.Colour(reference.LooMaxDeltaE00), reference.SkinModel,
                reference.Camera is null ? null : CameraCalibration.From(reference.Camera)),
            new RegionsUsed(hairRegion!.Rounded(), skinRegion!.Rounded(), analysis.Regions?.Reference?.Rounded(), guessed),
            "D65",
            "2°",
            new ProfileInfo(pixels.ColourSpace.Name, pixels.ColourSpace.Assumed),
            warnings);
    }

    public void Dispose() => gate.Dispose();
}
