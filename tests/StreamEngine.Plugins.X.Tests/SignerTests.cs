using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Tests;

public sealed class SignerTests
{
    [Fact]
    public void XsPublishedExampleGivesItsSignatureAndHeader()
    {
        var credentials = new OAuth1Credentials("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
        var signed = OAuth1Signer.Sign("post", new Uri("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
            [new("status", "Hello Ladies + Gentlemen, a signed OAuth request!")], credentials,
            "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "1318622958");

        Assert.Equal("POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26"
            + "oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26"
            + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26"
            + "oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26"
            + "status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521", signed.BaseString);
        Assert.Equal("hCtSmYh+iHYCEqBWrE7C7hYmtUk=", signed.Signature);
        Assert.Equal("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", "
            + "oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1318622958\", "
            + "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", oauth_version=\"1.0\"", signed.AuthorizationHeader);
    }

    [Fact]
    public void Rfc5849ExampleGivesItsBaseString()
    {
        // RFC 5849 section 3.4.1.1: query and form body parameters, duplicates, encoded names and an empty value.
        var credentials = new OAuth1Credentials("9djdj82h48djs9d2", "j49sk3j29djd", "kkk9d7dh3k39sjv7", "dh893hdasih9");
        var signed = OAuth1Signer.Sign("POST", new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"),
            OAuth1Signer.FormParameters("c2&a3=2+q"), credentials, "7d8f3e4a", "137131201", version: null);

        Assert.Equal("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26"
            + "c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26"
            + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7", signed.BaseString);
    }

    [Theory]
    [InlineData("HTTP://EXAMPLE.COM:80/r%20v/X?id=123", "http://example.com/r%20v/X")]
    [InlineData("https://www.example.net:8080/?q=1", "https://www.example.net:8080/")]
    public void BaseUriFollowsRfc5849Section3412(string url, string expected) => Assert.Equal(expected, OAuth1Signer.BaseUri(new Uri(url)));

    [Theory]
    [InlineData("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen")]
    [InlineData("An encoded string!", "An%20encoded%20string%21")]
    [InlineData("Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice")]
    [InlineData("☃", "%E2%98%83")]
    [InlineData("-._~*'()", "-._~%2A%27%28%29")]
    public void PercentEncodingLeavesOnlyUnreservedCharacters(string value, string expected) => Assert.Equal(expected, PercentEncoding.Encode(value));

    [Fact]
    public void CredentialsNeverShowTheirSecrets()
    {
        var text = new OAuth1Credentials("consumerKEY1234", "consumer-secret-value", "token-value", "token-secret-value").ToString();
        Assert.DoesNotContain("secret-value", text);
        Assert.DoesNotContain("token-value", text);
        Assert.DoesNotContain("consumerKEY", text);
    }
}
