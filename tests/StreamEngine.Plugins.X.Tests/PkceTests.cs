using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Tests;

public sealed class PkceTests
{
    [Fact]
    // RFC 7636 Appendix B; the value is the RFC's and also what `openssl dgst -sha256 -binary | base64` gives.
    public void Rfc7636AppendixBVerifierGivesItsChallenge() =>
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

    [Fact]
    public void NewVerifiersAreValidAndDifferent()
    {
        var (a, b) = (Pkce.NewVerifier(), Pkce.NewVerifier());
        Assert.NotEqual(a, b);
        Assert.Equal(43, Pkce.Challenge(a).Length);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk+")]
    public void AnInvalidVerifierIsRefusedWithTheRule(string verifier) =>
        Assert.Contains("43 to 128", Assert.Throws<ArgumentException>(() => Pkce.Challenge(verifier)).Message);

    [Fact]
    public void AuthorizeUrlCarriesTheS256Challenge()
    {
        var url = Pkce.AuthorizeUrl(new Uri("https://x.example/i/oauth2/authorize"), "client", new Uri("http://127.0.0.1:5000/cb"),
            ["tweet.read", "tweet.write"], "st", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").AbsoluteUri;
        Assert.Contains("code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", url);
        Assert.Contains("code_challenge_method=S256", url);
        Assert.Contains("scope=tweet.read%20tweet.write", url);
    }
}
