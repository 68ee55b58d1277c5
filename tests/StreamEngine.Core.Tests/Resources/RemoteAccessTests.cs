using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Resources;
using StreamEngine.Sdk.Resources;
using StreamEngine.TestFixtures;
using static StreamEngine.Core.Tests.Resources.ResourceCacheTests;

namespace StreamEngine.Core.Tests.Resources;

/// <summary>Remote images never reach this machine or its networks unless the show allows it, checked on the address connected to.</summary>
public sealed class RemoteAccessTests : IDisposable
{
    private readonly HttpFileServer _http = new();

    public RemoteAccessTests() => _http.Put("art.png", PngBytes(8, 8, SKColors.Red), "image/png");

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.45.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")] // carrier-grade NAT
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")] // multicast
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")] // unique local: a cloud's IPv6 metadata
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped loopback
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of the metadata address
    public void Internal_addresses_are_refused_by_default(string address)
    {
        Assert.True(RemoteAccess.IsInternal(IPAddress.Parse(address)));
        Assert.False(RemoteAccess.PublicOnly.Allows("example.test", IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [InlineData("::ffff:93.184.215.14")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(RemoteAccess.PublicOnly.Allows("example.test", IPAddress.Parse(address)));

    [Fact]
    public void The_allow_list_takes_host_names_addresses_and_cidrs()
    {
        var lan = new RemoteAccess(["cms.lan", "192.168.1.0/24", "10.0.0.7"]);
        Assert.True(lan.Allows("cms.lan", IPAddress.Parse("10.9.9.9")));
        Assert.True(lan.Allows("other", IPAddress.Parse("192.168.1.20")));
        Assert.True(lan.Allows("other", IPAddress.Parse("::ffff:10.0.0.7")));
        Assert.False(lan.Allows("other", IPAddress.Parse("192.168.2.20")));
        Assert.False(lan.Allows("other", IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public void A_server_on_loopback_is_refused_by_default_without_being_asked()
    {
        using var cache = new ResourceCache(new ResourceCacheOptions(), NullLogger.Instance);
        var error = Fail(cache, () => cache.Image(_http.Url("art.png")));
        Assert.Contains("'127.0.0.1' is an internal address", error);
        Assert.Contains("REMOTE_ALLOW_HOSTS", error);
        Assert.Equal(0, _http.Requests("art.png"));
        Assert.Contains("is an internal address", Fail(cache, () => cache.Image(_http.LocalhostUrl("art.png")))); // by name, after DNS
    }

    [Fact]
    public void A_redirect_from_an_allowed_host_to_an_internal_one_is_refused()
    {
        using var cache = new ResourceCache(new ResourceCacheOptions(Remote: new RemoteAccess(["localhost"])), NullLogger.Instance);
        _http.Redirect("moved.png", _http.Url("art.png"));
        cache.Image(_http.LocalhostUrl("art.png"));
        Settle(cache);
        Assert.Equal(ResourceStatus.Ready, cache.Image(_http.LocalhostUrl("art.png")).Status); // the allowed name loads

        Assert.Contains("'127.0.0.1' is an internal address", Fail(cache, () => cache.Image(_http.LocalhostUrl("moved.png"))));
        Assert.Equal(1, _http.Requests("moved.png"));
        Assert.Equal(1, _http.Requests("art.png")); // only the direct load: the redirect never reached it
    }

    [Fact]
    public void An_error_answer_is_reported_by_its_status_without_the_servers_words()
    {
        using var cache = new ResourceCache(new ResourceCacheOptions(Remote: new RemoteAccess(["127.0.0.1"])), NullLogger.Instance);
        _http.Put("secret.png", "db password is hunter2"u8.ToArray(), "text/plain", status: 500);
        var error = Fail(cache, () => cache.Image(_http.Url("secret.png")));
        Assert.Contains("the server answered 500", error);
        Assert.DoesNotContain("hunter2", error);
        Assert.DoesNotContain("Internal Server Error", error);
    }

    public void Dispose() => _http.Dispose();
}
