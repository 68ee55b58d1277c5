namespace StreamEngine.Server.Tests.WebSocket;

internal static class Eventually
{
    /// <summary>Waits for a condition; fails the test after 15 s instead of hanging it.</summary>
    public static async Task TrueAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("condition not met within 15 s");
            await Task.Delay(1);
        }
    }
}
