using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace SmpShade.Api.Photos.People;

/// <summary>
/// MediaPipe's three models (face detector, face landmarks, person segmentation; Apache-2.0, restored at build time by
/// MediaPipeModels.targets) run through OpenCV's DNN module, which reads <c>.tflite</c>. Loaded once at start; when a
/// file or the native library is missing the service still runs, <see cref="Available"/> is false, the reason is
/// logged once and shown in <c>/health/ready</c>, and auto regions fall back to colour clustering.
/// An OpenCV <see cref="Net"/> is not safe to run from two threads, so each model keeps a small pool of loaded nets.
/// </summary>
public sealed class PeopleModels : IDisposable
{
    public const string Detector = "face_detection_short_range.tflite";
    public const string Landmarks = "face_landmark.tflite";
    public const string Segmentation = "selfie_segmentation.tflite";

    private readonly Dictionary<string, string> files = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<Net>> pools = new();

    public PeopleModels(IOptions<PhotoOptions> options, ILogger<PeopleModels> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Directory = string.IsNullOrEmpty(options.Value.ModelsDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "models", "mediapipe")
            : options.Value.ModelsDirectory;
        Unavailable = Load();
        if (Unavailable is null)
        {
            logger.LogInformation("Finding people in photos with MediaPipe's models from {Directory} (OpenCV {Version}).", Directory, Cv2.GetVersionString());
        }
        else
        {
            logger.LogWarning("Finding people in photos is off: {Reason} Auto regions fall back to colour clustering (warning regions.model_unavailable).", Unavailable);
        }
    }

    /// <summary>Where the models are read from.</summary>
    public string Directory { get; }

    /// <summary>Why the models cannot be used; null when they can.</summary>
    public string? Unavailable { get; private set; }

    public bool Available => Unavailable is null;

    /// <summary>Runs <paramref name="work"/> with a loaded net of <paramref name="model"/> that no other thread uses meanwhile.</summary>
    public T Run<T>(string model, Func<Net, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var pool = pools.GetOrAdd(model, _ => []);
        var net = pool.TryTake(out var pooled) ? pooled : CvDnn.ReadNet(files[model]) ?? throw new InvalidOperationException(model);
        try
        {
            return work(net);
        }
        finally
        {
            pool.Add(net);
        }
    }

    /// <summary>A network output's values (any number of dimensions; OpenCV's outputs are continuous float32).</summary>
    public static float[] Floats(Mat output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Floats(output, 0, checked((int)output.Total()));
    }

    /// <summary><paramref name="count"/> of a network output's values from the flat index <paramref name="start"/>.</summary>
    public static float[] Floats(Mat output, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Type() != MatType.CV_32FC1 || !output.IsContinuous())
        {
            throw new InvalidOperationException("Unexpected model output " + output.Type());
        }

        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + count, output.Total());
        var values = new float[count];
        System.Runtime.InteropServices.Marshal.Copy(output.Data + (start * sizeof(float)), values, 0, count);
        return values;
    }

    private string? Load()
    {
        try
        {
            // One thread per OpenCV call. Its default splits each network layer over every core, which on the people models'
            // small inputs spends twice the CPU for no gain in time (issue 13, docs/auto-regions.md "Speed": a detector pass
            // took 1.9 ms and 3.8 ms of CPU on two threads, 1.9 ms and 1.9 ms on one), and the models run beside the photo's
            // decode, which needs the other core. Requests in parallel still use every core.
            Cv2.SetNumThreads(1);
            foreach (var name in new[] { Detector, Landmarks, Segmentation })
            {
                string path = Path.Combine(Directory, name);
                if (!File.Exists(path))
                {
                    return $"{path} is missing (the build restores it from npm; was npm reachable?).";
                }

                files[name] = path;
            }

            // Load each once and run it on a blank input: a broken file or native library shows here, not in a request.
            foreach (var (name, side) in new[] { (Detector, 128), (Landmarks, 192), (Segmentation, 256) })
            {
                using var blank = new Mat(side, side, MatType.CV_8UC3, Scalar.All(128));
                using var blob = CvDnn.BlobFromImage(blank, 1 / 255.0, new Size(side, side));
                Run(name, net =>
                {
                    net.SetInput(blob);
                    using var output = net.Forward();
                    return output.Total();
                });
            }

            return null;
        }
        catch (Exception error) when (error is DllNotFoundException or TypeInitializationException or BadImageFormatException
                                          or OpenCVException or OpenCvSharpException or IOException or UnauthorizedAccessException
                                          or EntryPointNotFoundException or InvalidOperationException)
        {
            return $"the models or OpenCV's native library could not be loaded ({error.GetType().Name}: {error.Message}).";
        }
    }

    public void Dispose()
    {
        foreach (var pool in pools.Values)
        {
            while (pool.TryTake(out var net))
            {
                net.Dispose();
            }
        }
    }
}

/// <summary><c>/health/ready</c> says whether people can be found in photos (Degraded, still 200, when they cannot).</summary>
internal sealed class PeopleModelsHealthCheck(PeopleModels models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Available
            ? HealthCheckResult.Healthy("People finding: MediaPipe models loaded.")
            : HealthCheckResult.Degraded("People finding is off; auto regions use colour clustering: " + models.Unavailable));
}
