namespace StreamEngine.Plugins.X.Auth;

/// <summary>What signing a request produced: the base string (what users compare when X rejects a request), the
/// signature and the Authorization header value.</summary>
public sealed record OAuth1Signature(string BaseString, string Signature, string AuthorizationHeader);
