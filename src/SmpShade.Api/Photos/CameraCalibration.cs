using SmpShade.Api.Photos.Reference;
using SmpShade.Colour;
using SmpShade.Colour.Spectra;

namespace SmpShade.Api.Photos;

/// <summary>
/// <c>reference.camera</c> on the wire: the camera's spectral responses under the light of a chart photo, as the chart
/// revealed them (<see cref="CameraResponses"/>), expressed in XYZ through that photo's profile so that a later photo
/// saved in another profile can use them. Normalised so that a perfect white gives Y = 1. A chart answer returns it; a
/// grey-card request from the same phone under the same light may send it back, and the skin then goes through the
/// skin-spectra correction instead of the card's von Kries gains (README, Measurement accuracy).
/// </summary>
/// <param name="StartNm">First wavelength: 380.</param>
/// <param name="StepNm">Spacing: 10 (so 36 values per channel, 380–730 nm).</param>
/// <param name="X">The X-like response per wavelength.</param>
/// <param name="Y">The Y-like response per wavelength.</param>
/// <param name="Z">The Z-like response per wavelength.</param>
public sealed record CameraCalibration(double StartNm, double StepNm, IReadOnlyList<double>? X, IReadOnlyList<double>? Y, IReadOnlyList<double>? Z)
{
    /// <summary>Largest magnitude accepted for a value (normalised responses are well below 1).</summary>
    public const double MaxMagnitude = 1000;

    /// <summary>The calibration of responses already expressed in XYZ, normalised to white Y = 1.</summary>
    public static CameraCalibration From(CameraResponses xyzResponses)
    {
        ArgumentNullException.ThrowIfNull(xyzResponses);
        double white = xyzResponses.Channels[1].Sum();
        double scale = white > 0 && double.IsFinite(white) ? 1 / white : 1;
        double[] Channel(int c) => [.. xyzResponses.Channels[c].Select(v => Math.Round(v * scale, 8))];
        return new CameraCalibration(VisibleGrid.StartNm, VisibleGrid.StepNm, Channel(0), Channel(1), Channel(2));
    }

    /// <summary>Why this calibration cannot be used, or null when it is well formed.</summary>
    public string? Problem()
    {
        if (StartNm != VisibleGrid.StartNm || StepNm != VisibleGrid.StepNm)
        {
            return FormattableString.Invariant($"startNm must be {VisibleGrid.StartNm} and stepNm {VisibleGrid.StepNm}, as a chart answer gives them");
        }

        foreach (var (name, values) in new[] { ("x", X), ("y", Y), ("z", Z) })
        {
            if (values is null || values.Count != VisibleGrid.Count || values.Any(v => !double.IsFinite(v) || Math.Abs(v) > MaxMagnitude))
            {
                return FormattableString.Invariant($"'{name}' must be {VisibleGrid.Count} finite numbers (380–730 nm every 10 nm), each within ±{MaxMagnitude}");
            }
        }

        return Y!.Sum() > 0 ? null : "the responses see no light (the y values sum to zero or less)";
    }

    /// <summary>The responses in XYZ; null unless <see cref="Problem"/> is null.</summary>
    public CameraResponses? ToResponses() => Problem() is null ? CameraResponses.FromChannels([X!, Y!, Z!]) : null;
}
