namespace StreamEngine.Plugins.X.Api;

/// <summary>
/// An answer from X that is not a success, typed from either of X's error shapes (<c>{"title","detail","type"}</c>
/// or <c>{"errors":[{"code","message"}]}</c>). The message says what happened and, for 401/403, which credential or
/// access level is missing; it never contains a credential.
/// </summary>
public class XApiException(string endpoint, int status, string? title, string? detail, string? type, IReadOnlyList<int> codes, string message)
    : Exception(message)
{
    public string Endpoint { get; } = endpoint;
    public int Status { get; } = status;
    public string? Title { get; } = title;
    public string? Detail { get; } = detail;
    public string? Type { get; } = type;
    public IReadOnlyList<int> Codes { get; } = codes;
}

/// <summary>401: the credentials were refused.</summary>
public sealed class XUnauthorizedException(string endpoint, int status, string? title, string? detail, string? type, IReadOnlyList<int> codes, string message)
    : XApiException(endpoint, status, title, detail, type, codes, message);

/// <summary>403: the credentials are valid but lack the access level or app permission this endpoint needs.</summary>
public sealed class XForbiddenException(string endpoint, int status, string? title, string? detail, string? type, IReadOnlyList<int> codes, string message)
    : XApiException(endpoint, status, title, detail, type, codes, message);

/// <summary>The answer was not the JSON X documents (HTML from a proxy, truncated body, missing field).</summary>
public sealed class XMalformedResponseException(string endpoint, int status, string message)
    : XApiException(endpoint, status, null, null, null, [], message);

/// <summary>The show already posted as many times as config allows; nothing was sent.</summary>
public sealed class XPostCapReachedException(int cap)
    : Exception($"Not posting to X: this show already posted {cap} time(s), the cap set by x.postsPerShow.");
