using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Layers.Chat;

/// <summary>
/// How far a message has entered at a frame: 0 when it arrives, 1 once it has faded and slid in. A function of the
/// frame's time and the frame the message arrived at only, so an offline render of the same chat is the same.
/// </summary>
internal static class ChatMotion
{
    public static float Entered(ChatMessage message, FrameTime time, double seconds)
    {
        if (seconds <= 0) return 1;
        var t = Math.Clamp((time.Seconds - message.ShownAt.Seconds) / seconds, 0, 1);
        return (float)(1 - Math.Pow(1 - t, 3)); // ease-out cubic: quick start, gentle landing
    }

    public static bool IsEntering(ChatMessage message, FrameTime time, double seconds) =>
        time.Seconds - message.ShownAt.Seconds < seconds;
}
