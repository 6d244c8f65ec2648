namespace SmpShade.Api.Auth;

/// <summary>API key settings.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>An admin key to seed on start. Empty: the first start creates one and prints it once.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>When true, reads (catalogue, analyses, matches) need a key too. Default false: one practitioner on localhost.</summary>
    public bool RequireKeyForReads { get; set; }
}
