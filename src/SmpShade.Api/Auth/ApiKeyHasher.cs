using System.Security.Cryptography;
using System.Text;

namespace SmpShade.Api.Auth;

/// <summary>
/// Makes and hashes API keys. Generated keys carry 256 random bits and are stored as SHA-256; a key a person chose
/// (<c>Auth:BootstrapAdminKey</c>) is stored with salted PBKDF2 (<see cref="SlowHash"/>).
/// </summary>
/// <remarks>
/// A fast hash is enough for generated keys: they are random and long (not passwords), so a stolen hash table cannot
/// be reversed by guessing, and a per-request key check stays cheap. A chosen key may be guessable, so its stored
/// form must make every guess cost: PBKDF2-HMAC-SHA256 with a 16-byte random salt and 600,000 iterations, the
/// OWASP Password Storage Cheat Sheet's figure for that hash (2023).
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

    /// <summary>PBKDF2 iterations for new slow hashes; stored with each (in its prefix), so it can be raised later.</summary>
    public const int SlowIterations = 600_000;

    /// <summary>The lookup prefix of slow-hashed keys: <c>pbkdf2:</c> and the iteration count (every such key shares it).</summary>
    public const string SlowPrefixStart = "pbkdf2:";

    private const int SaltBytes = 16, SlowHashBytes = 24;

    public static string SlowPrefix(int iterations) => SlowPrefixStart + iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>p$</c> + salt + <c>$</c> + derived key, both base64url (57 characters: fits the 64-character hash column,
    /// so no migration was needed).
    /// </summary>
    public static string SlowHash(string key, int iterations = SlowIterations)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return "p$" + Base64Url(salt) + "$" + Base64Url(Derive(key, salt, iterations));
    }

    /// <summary>Whether <paramref name="key"/> is the one a slow hash was made from (constant-time comparison).</summary>
    public static bool SlowMatches(string key, string stored, string prefix)
    {
        string[] parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != "p" || !prefix.StartsWith(SlowPrefixStart, StringComparison.Ordinal)
            || !int.TryParse(prefix.AsSpan(SlowPrefixStart.Length), System.Globalization.CultureInfo.InvariantCulture, out int iterations)
            || iterations <= 0)
        {
            return false;
        }

        byte[] salt = FromBase64Url(parts[1]), expected = FromBase64Url(parts[2]);
        return CryptographicOperations.FixedTimeEquals(Derive(key, salt, iterations, expected.Length), expected);
    }

    private static byte[] Derive(string key, byte[] salt, int iterations, int length = SlowHashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(key), salt, iterations, HashAlgorithmName.SHA256, length);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private static string RandomText(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
