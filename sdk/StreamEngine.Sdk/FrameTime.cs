namespace StreamEngine.Sdk;

/// <summary>
/// The time of a frame. Animation time is derived from the frame index, never from the wall clock,
/// so an offline render of the same scene gives the same frames.
/// </summary>
/// <param name="Index">Zero-based index of the frame since the show started.</param>
/// <param name="Fps">Frames per second of the show.</param>
public readonly record struct FrameTime(long Index, int Fps)
{
    /// <summary>Seconds since the show started: <c>Index / Fps</c>.</summary>
    public double Seconds => (double)Index / Fps;

    /// <summary>Duration of one frame in seconds.</summary>
    public double FrameDuration => 1.0 / Fps;
}
