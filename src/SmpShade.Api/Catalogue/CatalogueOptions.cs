using System.ComponentModel.DataAnnotations;

namespace SmpShade.Api.Catalogue;

/// <summary>Catalogue import settings.</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Largest accepted catalogue body; a 10,000-row CSV with reflectance is about 4 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Load the bundled illustrative catalogue (supplier <c>sample</c>) when the database has no supplier yet.</summary>
    public bool LoadSampleOnFirstStart { get; set; } = true;

    /// <summary>The sample CSV; default <c>data/sample-catalogue.csv</c> beside the app.</summary>
    public string? SampleFile { get; set; }
}
