namespace StreamEngine.Plugins.X.Auth;

/// <summary>Adds X credentials to an outgoing request. <see cref="Describe"/> names what is configured (never the
/// values) so 401/403 errors can say which credential or access level is missing.</summary>
public interface IRequestAuthenticator
{
    void Authorize(HttpRequestMessage request);

    string Describe();
}
