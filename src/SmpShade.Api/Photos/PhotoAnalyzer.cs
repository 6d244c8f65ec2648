using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using SmpShade.Api.Infrastructure;
using OpenCvSharp;
using SmpShade.Api.Photos.People;
using SmpShade.Api.Photos.Reference;

namespace SmpShade.Api.Photos;

/// <summary>
/// The photo analysis pipeline (docs/api.md, "Analysing a photo"): decode within limits → colour profile → reference correction →
/// regions (given or guessed) → skin, then hair against the skin. Nothing of the photo is stored or logged.
/// A singleton: it also bounds how many analyses run at once (excess: 503 <c>server.busy</c>).
/// </summary>
public sealed class PhotoAnalyzer : IDisposable
{
    private static readonly PhotoWarning Guessed = new("regions.guessed",
        "Hair and skin regions were guessed; check them on the photo and mark them if they are wrong.");

    private readonly PhotoOptions options;
    private readonly PhotoAdmission admission;
    private readonly PeopleModels? people;

    /// <param name="options">Limits.</param>
    /// <param name="people">MediaPipe's models for auto regions; null or unavailable: colour clustering with <c>regions.model_unavailable</c>.</param>
    public PhotoAnalyzer(IOptions<PhotoOptions> options, PeopleModels? people = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        admission = new PhotoAdmission(this.options);
        this.people = people;
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
        // Auto regions on a JPEG: the people models run on OpenCV's reduced decode beside ImageSharp's full one.
        bool guessed = analysis.Regions?.Hair is null || analysis.Regions?.Skin is null;
        EarlySearch? early = null;
        void StartEarly(PhotoHeader header)
        {
            if (guessed && people is { Available: true } && header.Format.Equals("JPEG", StringComparison.OrdinalIgnoreCase))
            {
                early = new EarlySearch(photo, header, people, options.PeopleMaxSide, cancellationToken);
            }
        }

        PhotoPixels decoded;
        try
        {
            decoded = PhotoDecoder.Decode(photo, options, cancellationToken, StartEarly);
        }
        catch
        {
            early?.Dispose();
            throw;
        }

        using var pixels = decoded;
        try
        {
            return Run(pixels, analysis, guessed, early, cancellationToken);
        }
        finally
        {
            early?.Dispose();
        }
    }

    /// <summary>Waits for the hair's clustering when the skin measurement failed; its own failure is moot then.</summary>
    private static void Settle(Task task)
    {
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // The skin's refusal is the answer.
        }
    }

    /// <summary>
    /// The people models' search of a JPEG's reduced decode, started beside the full decode, and the small copy it searches
    /// once made. Disposing waits for the search, so none outlives the request's slot, then frees the copy.
    /// </summary>
    private sealed class EarlySearch : IDisposable
    {
        private readonly Task<PeopleSearch?> search;
        private PhotoPixels? copy;

        public EarlySearch(byte[] photo, PhotoHeader header, PeopleModels models, int maxSide, CancellationToken cancellationToken) =>
            search = Task.Run(() => PeopleRegions.FindInJpeg(photo, header, models, maxSide, made => Volatile.Write(ref copy, made)), cancellationToken);

        /// <summary>Whether the search has ended.</summary>
        public bool Done => search.IsCompleted;

        /// <summary>The copy, once made (the search is then still running or done).</summary>
        public PhotoPixels? Copy => Volatile.Read(ref copy);

        /// <summary>Waits for the search: null when OpenCV could not read the photo; throws what the models threw.</summary>
        public PeopleSearch? Result() => search.GetAwaiter().GetResult();

        public void Dispose()
        {
            try
            {
                search.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Its failure was already handled (the fallback and its warning) or is moot (the request failed).
            }

            Copy?.Dispose();
        }
    }

    private AnalysisResult Run(PhotoPixels pixels, AnalysisOptions analysis, bool guessed, EarlySearch? early, CancellationToken cancellationToken)
    {
        var warnings = new List<PhotoWarning>(pixels.DecodeWarnings);
        if (pixels.ColourSpace.Warning is { } profileWarning)
        {
            warnings.Add(profileWarning);
        }

        var reference = ReferenceStage.Build(pixels, analysis, options);
        warnings.AddRange(reference.Warnings);
        cancellationToken.ThrowIfCancellationRequested();

        var hairRegion = analysis.Regions?.Hair;
        var skinRegion = analysis.Regions?.Skin;
        AutoRegionsInfo? auto = null;
        if (guessed)
        {
            (hairRegion, skinRegion, auto) = Guess(pixels, reference.Correction, warnings, early, cancellationToken);
            warnings.Add(Guessed);
        }

        // The hair's k-means needs no skin colour, so it runs beside the skin measurement (a core is free once decoded);
        // each measurer keeps its own warnings, added skin first as when measured one after the other, and a refused
        // skin region is still the answer when both are refused.
        var skinWarnings = new List<PhotoWarning>();
        var hairWarnings = new List<PhotoWarning>();
        var hairMeasurer = new RegionMeasurer(pixels, reference.Correction, options, hairWarnings);
        var hairSplit = Task.Run(() => hairMeasurer.SplitHair(hairRegion!), CancellationToken.None);
        SkinColour skin;
        try
        {
            skin = new RegionMeasurer(pixels, reference.Correction, options, skinWarnings, reference.ForSkin).MeasureSkin(skinRegion!);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            Settle(hairSplit);
            throw;
        }

        var hair = hairMeasurer.ChooseHair(hairSplit.GetAwaiter().GetResult(), skin.Lab.ToLab());
        warnings.AddRange(skinWarnings);
        warnings.AddRange(hairWarnings);
        ReferenceStage.EnsurePlausible(reference, ("skin", skin.Lab.ToLab()), ("hair", hair.Lab.ToLab()));
        Plausibility.Check(hair.Lab.ToLab(), skin.Lab.ToLab(), guessed, warnings);

        return new AnalysisResult(
            hair,
            skin,
            new ReferenceInfo(reference.Type, reference.Model, AnswerPrecision.Colour(reference.LooMeanDeltaE00), AnswerPrecision.Colour(reference.LooMaxDeltaE00), reference.SkinModel,
                reference.Camera is null ? null : CameraCalibration.From(reference.Camera),
                reference.Corners?.Select(c => (IReadOnlyList<double>)[c.X, c.Y]).ToList(), reference.CornersFound),
            new RegionsUsed(hairRegion!.Rounded(), skinRegion!.Rounded(), analysis.Regions?.Reference?.Rounded(), guessed, auto?.Method,
                auto is null ? null : Math.Round(auto.Confidence, 2), auto?.Faces, auto?.Face?.Rounded(), auto?.SkinPlace) { Score = auto?.Score },
            "D65",
            "2°",
            new ProfileInfo(pixels.ColourSpace.Name, pixels.ColourSpace.Assumed),
            warnings);
    }

    /// <summary>
    /// Auto regions: from the largest, most central person's face and hair (<see cref="PeopleRegions"/>); with no face, or
    /// without the models, from the photo's colours (<see cref="AutoRegions"/>), saying which.
    /// </summary>
    /// <param name="pixels">The decoded photo.</param>
    /// <param name="correction">The reference's correction.</param>
    /// <param name="warnings">Where the guess's warnings go.</param>
    /// <param name="early">The people models' work started beside the decode, if any.</param>
    /// <param name="cancellationToken">The request's: stops the colour clustering when the client has gone.</param>
    private (RegionSpec Hair, RegionSpec Skin, AutoRegionsInfo Info) Guess(PhotoPixels pixels, IColourCorrection correction, List<PhotoWarning> warnings,
        EarlySearch? early, CancellationToken cancellationToken)
    {
        if (people is not { Available: true })
        {
            warnings.Add(ModelUnavailable(people?.Unavailable is null ? "they are not loaded" : "they are not installed on this server"));
            return FromColours(AutoRegions.Guess(pixels, correction, options, cancellationToken), warnings);
        }

        // The models still searching when the photo is decoded is how a photo with no face looks (a close-up of the scalp
        // runs every detector pass), and the colour guess it needs next is taken meanwhile on their copy, on this core,
        // which would otherwise wait; with a face it is dropped. The guess depends only on the copy and the correction,
        // so it is the one taken after the search otherwise.
        var meanwhile = early is { Done: false, Copy: { } copied } ? ColoursOn(copied, correction, cancellationToken) : null;
        PeopleSearch? search = null;
        try
        {
            try
            {
                search = early?.Result() ?? PeopleRegions.Find(pixels, people, options.PeopleMaxSide);
            }
            catch (Exception error) when (error is OpenCVException or OpenCvSharpException or InvalidOperationException)
            {
                warnings.Add(ModelUnavailable("the models failed on this photo"));
            }

            if (search?.Guess is { } found)
            {
                if (found.Faces > 1)
                {
                    var box = found.Face.Rect!;
                    warnings.Add(new PhotoWarning("regions.several_people",
                        $"{found.Faces} faces were found; the largest, most central one was measured (the face at x {box[0]:0.00}, y {box[1]:0.00} "
                        + "of the photo, shown in regions.face). Mark the regions to measure someone else."));
                }

                return (found.Hair, found.Skin, Calibrated(new AutoRegionsInfo("people", found.Score, found.Faces, found.Face, found.SkinPlace), warnings));
            }

            if (search is null)
            {
                // The models failed: the colours of the photo itself.
                return FromColours(AutoRegions.Guess(pixels, correction, options, cancellationToken), warnings);
            }

            warnings.Add(new PhotoWarning("regions.no_face",
                "No face was found, so hair and skin were taken from the photo's colours, which suits a close-up of the scalp or hairline. Check both regions."));
            return FromColours((meanwhile ?? ColoursOn(search.Copy, correction, cancellationToken))(), warnings);
        }
        finally
        {
            if (search is not null && !ReferenceEquals(search.Copy, early?.Copy))
            {
                search.Copy.Dispose(); // made on the decoded photo, not beside the decode
            }
        }
    }

    private static (RegionSpec Hair, RegionSpec Skin, AutoRegionsInfo Info) FromColours(ColourGuess colours, List<PhotoWarning> warnings) =>
        (colours.Hair, colours.Skin, Calibrated(new AutoRegionsInfo("colours", RegionConfidence.ColoursScore(colours), 0, null, null), warnings));

    /// <summary>The colour guess on <paramref name="pixels"/>, or the refusal it raised, given when the answer needs it.</summary>
    private Func<ColourGuess> ColoursOn(PhotoPixels pixels, IColourCorrection correction, CancellationToken cancellationToken)
    {
        try
        {
            var guess = AutoRegions.Guess(pixels, correction, options, cancellationToken);
            return () => guess;
        }
        catch (ProblemException refused)
        {
            return () =>
            {
                ExceptionDispatchInfo.Throw(refused);
                return default!;
            };
        }
    }

    /// <summary>The guess with its calibrated confidence, warning <c>regions.low_confidence</c> when it is more likely wrong.</summary>
    private static AutoRegionsInfo Calibrated(AutoRegionsInfo info, List<PhotoWarning> warnings)
    {
        double confidence = RegionConfidence.Calibrate(info.Method, info.Score);
        if (RegionConfidence.Warning(info.Method, confidence) is { } low)
        {
            warnings.Add(low);
        }

        return info with { Confidence = confidence };
    }

    private static PhotoWarning ModelUnavailable(string why) => new("regions.model_unavailable",
        $"The models that find people could not be used ({why}), so hair and skin were guessed from colours alone, which often "
        + "lands on clothes or background. Mark the hair and skin regions.");

    private sealed record AutoRegionsInfo(string Method, double Score, int Faces, RegionSpec? Face, string? SkinPlace)
    {
        public double Confidence { get; init; }
    }

    public void Dispose() => admission.Dispose();
}
