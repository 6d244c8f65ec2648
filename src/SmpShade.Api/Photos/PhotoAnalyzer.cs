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
    private readonly PhotoAdmission admission;

    public PhotoAnalyzer(IOptions<PhotoOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        admission = new PhotoAdmission(this.options);
    }

    /// <summary>The limits in force.</summary>
    public PhotoOptions Options => options;

    /// <summary>
    /// Reads a photo request's form under the upload limits (<see cref="PhotoAdmission.BeginUpload"/>): no analysis
    /// slot is held while the bytes arrive.
    /// </summary>
    public async Task<PhotoForm> ReadUploadAsync(HttpContext context, string? part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var upload = admission.BeginUpload(context);
        return await AnalysisForm.ReadAsync(context.Request, options, part, cancellationToken);
    }

    /// <summary>Analyses photo bytes that have arrived, after waiting (briefly, in a bounded queue) for a slot.</summary>
    public async Task<AnalysisResult> AnalyzeAsync(byte[] photo, AnalysisOptions analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(analysis);
        using var slot = await admission.WaitForSlotAsync(cancellationToken);
        return Run(photo, analysis, cancellationToken);
    }

    /// <summary>Takes an analysis slot now, without queueing (503 <c>server.busy</c> when none is free).</summary>
    public Slot Reserve(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new Slot(this, admission.TakeSlot());
    }

    /// <summary>A held analysis slot; analyses under it, released on dispose.</summary>
    public sealed class Slot : IDisposable
    {
        private readonly IDisposable held;
        private PhotoAnalyzer? owner;

        internal Slot(PhotoAnalyzer owner, IDisposable held)
        {
            this.owner = owner;
            this.held = held;
        }

        /// <summary>Analyses photo bytes under this slot.</summary>
        public AnalysisResult Analyze(byte[] photo, AnalysisOptions analysis, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(photo);
            ArgumentNullException.ThrowIfNull(analysis);
            ObjectDisposedException.ThrowIf(owner is null, this);
            return owner.Run(photo, analysis, cancellationToken);
        }

        public void Dispose()
        {
            owner = null;
            held.Dispose();
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

    public void Dispose() => admission.Dispose();
}
