namespace SmpShade.Api.Catalogue;

/// <summary>A pigment supplier, identified by a URL slug (<c>acme</c>). Created by its first catalogue import.</summary>
public sealed class Supplier
{
    public int Id { get; set; }

    /// <summary>Lower-case slug used in URLs; unique.</summary>
    public required string Slug { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CatalogueVersion> Versions { get; } = [];
}

/// <summary>One immutable import of a supplier's whole catalogue. Numbers run 1, 2, … per supplier; the highest is current.</summary>
public sealed class CatalogueVersion
{
    public int Id { get; set; }

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    /// <summary>1-based, unique per supplier (a unique index keeps racing imports consistent).</summary>
    public int Number { get; set; }

    /// <summary>Id of the API key that loaded it (<c>system</c> for the bundled sample).</summary>
    public required string LoadedByKeyId { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public int RowCount { get; set; }

    /// <summary><c>csv</c>, <c>json</c> or <c>cxf</c>.</summary>
    public required string SourceFormat { get; set; }

    /// <summary>
    /// Whether the colours were measured with the specular component <c>included</c> (SCI) or <c>excluded</c> (SCE);
    /// versions stored before this was recorded are <c>included</c>, what the service assumed then.
    /// </summary>
    public string SpecularComponent { get; set; } = Catalogue.SpecularComponent.Default;

    public List<Pigment> Pigments { get; } = [];
}

/// <summary>One pigment of one catalogue version.</summary>
public sealed class Pigment
{
    public long Id { get; set; }

    public int VersionId { get; set; }

    public CatalogueVersion? Version { get; set; }

    public required string Sku { get; set; }

    public required string Name { get; set; }

    public string? Line { get; set; }

    public PigmentBase Base { get; set; }

    /// <summary>CIELAB, D65 / 2°, after Bradford adaptation from the measured illuminant.</summary>
    public double L { get; set; }

    public double A { get; set; }

    public double B { get; set; }

    /// <summary>The illuminant the supplier measured under: <c>D50</c> or <c>D65</c>.</summary>
    public required string MeasuredIlluminant { get; set; }

    /// <summary>The observer of the measurement: 2 or 10 (degrees).</summary>
    public int MeasuredObserver { get; set; }

    public double MeasuredL { get; set; }

    public double MeasuredA { get; set; }

    public double MeasuredB { get; set; }

    /// <summary>The dilution ladder: parts of water per part of pigment, ascending (0 = undiluted).</summary>
    public double[] WaterParts { get; set; } = [];

    /// <summary>Optional reflectance factors 400–700 nm every 10 nm (31 values, 0..1).</summary>
    public double[]? Reflectance { get; set; }

    /// <summary>Optional Kubelka–Munk scattering S at 550 nm, cm⁻¹ per unit volume fraction (null: the base's default).</summary>
    public double? Scattering { get; set; }
}

/// <summary>The pigment's base chemistry; it drives the healed-tone model (carbon stays cool, iron oxides warm).</summary>
public enum PigmentBase
{
    Carbon,
    IronOxide,
    Organic,
    Mixed,
}
