using System.Diagnostics;
using System.Runtime.InteropServices;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Plugins.Audio;

/// <summary>Decodes any file ffmpeg reads (wav, mp3, ogg, flac, m4a …) to interleaved 16-bit PCM in the mixer's format.</summary>
internal static class PcmDecoder
{
    /// <summary>The longest sound decoded into memory: 20 minutes (about 230 MB at 48 kHz stereo).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(20);

    /// <summary>Decodes <paramref name="path"/>, or the bytes on <paramref name="input"/> when given; throws <see cref="FormatException"/> naming the file.</summary>
    public static short[] Decode(string path, AudioFormat format, byte[]? input = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-i", input is null ? path : "pipe:0", "-t",
                     ((int)Longest.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "-vn",
                     "-f", "s16le", "-ar", format.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-ac", format.Channels.ToString(System.Globalization.CultureInfo.InvariantCulture), "pipe:1" })
            info.ArgumentList.Add(a);
        if (input is not null) info.ArgumentList.Remove("-nostdin");
        using var ffmpeg = Process.Start(info) ?? throw new FormatException($"{path}: ffmpeg did not start");
        var errors = ffmpeg.StandardError.ReadToEndAsync(cancellationToken);
        var feed = Task.Run(() =>
        {
            try { if (input is not null) ffmpeg.StandardInput.BaseStream.Write(input); }
            catch (IOException) { } // ffmpeg refused the input; its error says why
            finally { ffmpeg.StandardInput.Close(); }
        }, cancellationToken);
        using var pcm = new MemoryStream();
        ffmpeg.StandardOutput.BaseStream.CopyTo(pcm);
        ffmpeg.WaitForExit();
        feed.Wait(cancellationToken);
        if (ffmpeg.ExitCode != 0 || pcm.Length == 0)
            throw new FormatException($"{path}: cannot be decoded as audio ({errors.Result.Trim().Split('\n').LastOrDefault() ?? "no sound"})");
        return MemoryMarshal.Cast<byte, short>(pcm.GetBuffer().AsSpan(0, (int)(pcm.Length & ~1))).ToArray();
    }
}
