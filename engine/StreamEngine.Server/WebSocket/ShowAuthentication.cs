using System.Security.Cryptography;
using System.Text;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// The obs-websocket v5 challenge: secret = base64(sha256(password + salt)),
/// authentication = base64(sha256(secret + challenge)). A fresh salt and challenge per connection.
/// </summary>
internal sealed class ShowAuthentication
{
    private readonly string _expected;

    public ShowAuthentication(string password)
    {
        Salt = RandomToken();
        Challenge = RandomToken();
        _expected = Compute(password, Salt, Challenge);
    }

    public string Salt { get; }

    public string Challenge { get; }

    public static string Compute(string password, string salt, string challenge)
    {
        var secret = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password + salt)));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret + challenge)));
    }

    /// <summary>Compares in constant time, so response timing does not reveal how much of a guess was right.</summary>
    public bool Accepts(string? authentication)
    {
        if (authentication is null) return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(authentication), Encoding.UTF8.GetBytes(_expected));
    }

    private static string RandomToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
