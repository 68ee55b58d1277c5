namespace StreamEngine.Plugins.X.Tests;

public sealed class PluginStartTests
{
    private static XCredentialsFromEnvironment Read(params (string Name, string Value)[] set) =>
        XCredentialsFromEnvironment.Read(name => set.FirstOrDefault(s => s.Name == name).Value);

    [Fact]
    public void WithoutCredentialsThePluginIsOffAndSaysWhichVariables()
    {
        var state = Read();
        Assert.False(state.CanRead);
        Assert.Equal("X is off: TWITTER_API_KEY, TWITTER_API_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET are not set. "
            + "Set them (or TWITTER_BEARER_TOKEN to only read replies); the show runs without X.", state.Describe());
    }

    [Fact]
    public void HalfSetCredentialsNameWhatIsMissingAndNeverAValue()
    {
        var state = Read(("TWITTER_API_KEY", "key-value"), ("TWITTER_API_SECRET", "secret-value"), ("TWITTER_ACCESS_TOKEN", "token-value"));
        Assert.False(state.CanPost);
        Assert.Contains("TWITTER_ACCESS_TOKEN_SECRET is not set (all four are needed)", state.Describe());
        Assert.DoesNotContain("value", state.ToString());
    }

    [Fact]
    public void ABearerTokenAloneReadsButDoesNotPost()
    {
        var state = Read(("TWITTER_BEARER_TOKEN", "AAAA"));
        Assert.True(state.CanRead);
        Assert.False(state.CanPost);
        Assert.StartsWith("reading only", state.Describe());
    }

    [Fact]
    public void AllFourVariablesEnablePosting() =>
        Assert.True(Read(("TWITTER_API_KEY", "a"), ("TWITTER_API_SECRET", "b"), ("TWITTER_ACCESS_TOKEN", "c"), ("TWITTER_ACCESS_TOKEN_SECRET", "d")).CanPost);
}
