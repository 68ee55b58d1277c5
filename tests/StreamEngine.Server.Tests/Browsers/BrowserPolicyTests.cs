using System.Net;

namespace StreamEngine.Server.Tests.Browsers;

public sealed class BrowserPolicyTests
{
    private static readonly BrowserPolicy Engine = new(enginePorts: [4200, 4201]);

    [Theory]
    [InlineData("localhost:4200")]
    [InlineData("127.0.0.1:4200")]
    [InlineData("[::1]:4200")]
    [InlineData("LOCALHOST:4200")]
    public void The_engines_own_names_with_its_port_are_allowed_hosts(string host) =>
        Assert.True(Engine.AllowsHost(host, IPAddress.Loopback, 4200));

    [Theory]
    [InlineData("evil.example:4200")] // DNS rebinding: the attacker's name, now pointing at 127.0.0.1
    [InlineData("localhost:80")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:4201")] // the port of another listener
    [InlineData("10.1.2.3:4200")] // an address this connection did not reach
    public void Other_names_and_ports_are_refused(string host) =>
        Assert.False(Engine.AllowsHost(host, IPAddress.Loopback, 4200));

    [Fact]
    public void The_address_a_connection_reached_names_the_engine_when_it_listens_on_all_interfaces()
    {
        Assert.True(Engine.AllowsHost("192.168.1.20:4200", IPAddress.Parse("192.168.1.20"), 4200));
        Assert.True(Engine.AllowsHost("192.168.1.20:4200", IPAddress.Parse("::ffff:192.168.1.20"), 4200));
        Assert.False(Engine.AllowsHost("studio.lan:4200", IPAddress.Parse("192.168.1.20"), 4200));
    }

    [Fact]
    public void Allowed_hosts_add_names_and_a_star_turns_the_check_off()
    {
        Assert.True(new BrowserPolicy(["studio.lan"]).AllowsHost("studio.lan:4200", IPAddress.Loopback, 4200));
        Assert.True(new BrowserPolicy(["*"]).AllowsHost("anything.example", IPAddress.Loopback, 4200));
    }

    [Theory]
    [InlineData(null)] // curl, scripts: not a browser
    [InlineData("")]
    [InlineData("http://localhost:4200")] // the dashboard
    [InlineData("http://127.0.0.1:4201")]
    [InlineData("http://[::1]:4200")]
    public void The_engines_own_pages_and_non_browsers_may_change_the_show(string? origin) =>
        Assert.True(Engine.AllowsOrigin(origin, IPAddress.Loopback, 4200));

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example:4200")] // a rebound page keeps its own origin
    [InlineData("http://localhost:3000")] // another program's page on this machine
    [InlineData("null")] // sandboxed frames and local files
    [InlineData("file://")]
    public void Pages_from_elsewhere_may_not(string origin) =>
        Assert.False(Engine.AllowsOrigin(origin, IPAddress.Loopback, 4200));

    [Fact]
    public void Allowed_origins_match_scheme_host_and_port()
    {
        var policy = new BrowserPolicy(allowedOrigins: ["https://studio.example", "http://192.168.1.20:8080"]);

        Assert.True(policy.AllowsOrigin("https://studio.example", IPAddress.Loopback, 4200));
        Assert.True(policy.AllowsOrigin("http://192.168.1.20:8080", IPAddress.Loopback, 4200));
        Assert.False(policy.AllowsOrigin("http://studio.example", IPAddress.Loopback, 4200));
        Assert.False(policy.AllowsOrigin("https://studio.example:8443", IPAddress.Loopback, 4200));
    }

    [Theory]
    [InlineData("https://studio.example", null)]
    [InlineData("studio.example:4200", null)]
    [InlineData(null, "studio.example")]
    [InlineData(null, "https://studio.example/app")]
    public void A_bad_entry_names_its_setting(string? host, string? origin)
    {
        var e = Assert.Throws<ArgumentException>(() => new BrowserPolicy(host is null ? [] : [host], origin is null ? [] : [origin]));
        Assert.StartsWith(host is null ? "ALLOWED_ORIGINS" : "ALLOWED_HOSTS", e.Message);
    }
}
