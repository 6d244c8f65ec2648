using System.ComponentModel.DataAnnotations;

namespace SmpShade.Api.Auth;

/// <summary>API key settings.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>An admin key to seed on start (at least 24 characters). Empty: the first start creates one and prints it once.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Shortest configured bootstrap key accepted (24 characters of any kind ≥ 128 bits only if random; generated keys carry 256).</summary>
    public const int MinBootstrapKeyLength = 24;

    /// <summary>When true, reads (catalogue, analyses, matches) need a key too. Default false: one practitioner on localhost.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Failed key attempts allowed per client IP per minute before answering 429.</summary>
    [Range(1, 100_000)]
    public int FailedAttemptsPerMinute { get; set; } = 10;
}
