using System.ComponentModel.DataAnnotations;

namespace SmpShade.Api.Catalogue;

/// <summary>Catalogue import settings.</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Largest accepted catalogue body; a 10,000-row CSV with reflectance is about 4 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Most pigments in one catalogue version (422 <c>catalogue.too_many_pigments</c>). Real SMP lines have tens; each
    /// pigment costs every match its dilution steps' predictions, so this bounds a match's work for one supplier.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPigments { get; set; } = 1000;

    /// <summary>
    /// Most dilution steps (<c>water_parts</c> values) per pigment; more is a row error. Ladders in use have 4–8. At most
    /// <see cref="Matching.PreparedCatalogue.MaxLadderSteps"/>, what matching evaluates per pigment whatever is stored.
    /// </summary>
    [Range(1, Matching.PreparedCatalogue.MaxLadderSteps)]
    public int MaxDilutionSteps { get; set; } = 32;

    /// <summary>Most new versions one supplier may store in any hour (429 <c>catalogue.rate_limited</c>); 0: no limit.</summary>
    [Range(0, 1_000_000)]
    public int MaxVersionsPerHour { get; set; } = 30;

    /// <summary>Load the bundled illustrative catalogue (supplier <c>sample</c>) when the database has no supplier yet.</summary>
    public bool LoadSampleOnFirstStart { get; set; } = true;

    /// <summary>The sample CSV; default <c>data/sample-catalogue.csv</c> beside the app.</summary>
    public string? SampleFile { get; set; }
}
