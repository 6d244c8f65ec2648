using System.ComponentModel.DataAnnotations;

namespace SmpShade.Api.Photos;

/// <summary>Limits and tunables of photo analysis (configuration section <c>Photos</c>); the defaults need no configuration.</summary>
public sealed class PhotoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Photos";

    /// <summary>Largest accepted photo file, in bytes (25 MB; docs/api.md, "Analysing a photo").</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest accepted photo, in pixels (50 MP; docs/api.md, "Analysing a photo"); checked from the header before decoding.</summary>
    [Range(1, 400_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Analyses allowed at once; the next one is answered 503 <c>server.busy</c>. 0 means 2 × processor count.</summary>
    [Range(0, 1024)]
    public int MaxConcurrentAnalyses { get; set; }

    /// <summary>Seconds a busy client is told to wait (Retry-After).</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>
    /// Seconds the whole upload (photo and options) may take once it holds an analysis slot; a slower one is answered
    /// 408 <c>request.upload_timeout</c> and frees the slot. Kestrel's minimum data rate (240 B/s) alone would let a
    /// trickling client hold a slot for hours; a 25 MB photo at 1 Mbit/s takes about 200 s.
    /// </summary>
    [Range(1, 3600)]
    public int UploadSeconds { get; set; } = 300;

    /// <summary>
    /// Uploads arriving at once (their bytes are buffered in memory, up to <see cref="MaxBytes"/> each); more get 503
    /// <c>server.busy</c>. Counted apart from the analysis slots, so slow uploads never hold one. 0 means 4 × the
    /// analysis slots.
    /// </summary>
    [Range(0, 4096)]
    public int MaxConcurrentUploads { get; set; }

    /// <summary>Uploads arriving at once from one client address; more get 429 <c>upload.too_many</c>.</summary>
    [Range(1, 4096)]
    public int MaxUploadsPerClient { get; set; } = 8;

    /// <summary>
    /// Slowest upload accepted, in bytes per second, after a 10 s grace period (Kestrel's minimum request body data
    /// rate; its default is 240 B/s). 4096 B/s sends a 25 MB photo in under two hours and a phone's 3 MB one in 12 min.
    /// </summary>
    [Range(1, 100_000_000)]
    public double MinUploadBytesPerSecond { get; set; } = 4096;

    /// <summary>
    /// Photos that have arrived and may wait for an analysis slot; past it, 503 <c>server.busy</c> at once. 0 means
    /// 2 × the analysis slots; -1 none (refuse when every slot is busy).
    /// </summary>
    [Range(-1, 4096)]
    public int AnalysisQueueLength { get; set; }

    /// <summary>Longest wait in that queue before 503 <c>server.busy</c>.</summary>
    [Range(1, 300)]
    public int AnalysisQueueSeconds { get; set; } = 10;

    /// <summary>Usable pixels below which a region's measurement carries <c>sample.too_small</c>.</summary>
    [Range(1, 1_000_000)]
    public int MinRegionPixels { get; set; } = 200;

    /// <summary>
    /// Most pixels read from one region; larger regions are subsampled on a regular grid (deterministic). 40 000 keeps
    /// the standard error of a mean far below ΔE 0.1 for skin-like spreads (sd of a few L* units / √40 000).
    /// </summary>
    [Range(1000, 50_000_000)]
    public int MaxSamplesPerRegion { get; set; } = 40_000;

    /// <summary>Most pixels fed to k-means (a deterministic subsample of the region).</summary>
    [Range(100, 1_000_000)]
    public int MaxClusterPixels { get; set; } = 4000;

    /// <summary>Fraction of clipped pixels in a region above which <c>exposure.clipped</c> is reported.</summary>
    [Range(0.0, 1.0)]
    public double ClippedWarningFraction { get; set; } = 0.10;

    /// <summary>
    /// Folder of MediaPipe's models (Photos/People); empty: <c>models/mediapipe</c> beside the service, where the build puts
    /// them. A folder without them turns people finding off (auto regions then cluster colours, with a warning).
    /// </summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>Longest side of the downscaled copy people are found in (auto regions only).</summary>
    [Range(128, 4096)]
    public int PeopleMaxSide { get; set; } = 640;

    /// <summary>The concurrency bound after resolving the 0 default.</summary>
    public int EffectiveConcurrency => MaxConcurrentAnalyses > 0 ? MaxConcurrentAnalyses : 2 * Environment.ProcessorCount;

    /// <summary>Uploads in flight after resolving the 0 default.</summary>
    public int EffectiveUploads => MaxConcurrentUploads > 0 ? MaxConcurrentUploads : 4 * EffectiveConcurrency;

    /// <summary>The analysis queue's length after resolving the defaults.</summary>
    public int EffectiveQueueLength => AnalysisQueueLength switch { 0 => 2 * EffectiveConcurrency, < 0 => 0, var n => n };
}
