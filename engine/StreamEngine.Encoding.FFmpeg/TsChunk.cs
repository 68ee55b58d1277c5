namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Whole MPEG-TS packets read from the encoder in one go. A chunk that starts at a video keyframe carries
/// <see cref="Header"/>: the latest PAT and PMT packets, which a newly started output must receive first.
/// </summary>
internal sealed record TsChunk(byte[] Data, byte[]? Header)
{
    public bool StartsAtKeyframe => Header is not null;
}
