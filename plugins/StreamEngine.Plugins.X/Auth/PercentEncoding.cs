using System.Text;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// Percent-encoding as RFC 5849 section 3.6 requires: UTF-8 bytes, only RFC 3986's unreserved characters left as they
/// are, upper-case hex. <see cref="Uri.EscapeDataString"/> is not used because its set has changed between runtimes.
/// </summary>
public static class PercentEncoding
{
    public static string Encode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_' or '~') text.Append(c);
            else text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }
}
