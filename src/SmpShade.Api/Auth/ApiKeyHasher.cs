using System.Security.Cryptography;
using System.Text;

namespace SmpShade.Api.Auth;

/// <summary>Makes and hashes API keys. Keys carry 256 random bits; only SHA-256 hashes are stored.</summary>
/// <remarks>
/// A fast hash is enough here: the keys are random and long (not passwords), so a stolen hash table
/// cannot be reversed by guessing, and a per-request key check stays cheap.
/// </remarks>
public static class ApiKeyHasher
{
    /// <summary>How many leading characters of a key are stored, indexed, to find its row.</summary>
    public const int PrefixLength = 16;

    /// <summary>A new key: <c>smp_</c>, 12 characters of lookup id, <c>_</c>, 43 characters of secret (32 bytes, base64url).</summary>
    public static string NewKey() =>
        "smp_" + RandomText(9)[..12] + "_" + RandomText(32);

    /// <summary>A new public key id (not secret).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string PrefixOf(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Constant-time comparison of a presented key's hash with a stored one.</summary>
    public static bool Matches(string presentedHash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedHash), Encoding.ASCII.GetBytes(storedHash));

    private static string RandomText(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
