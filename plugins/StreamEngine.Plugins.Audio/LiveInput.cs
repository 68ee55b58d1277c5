using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Plugins.Audio;

/// <summary>
/// <c>input</c>: a live sound — a network stream or a sound device (<see cref="InputAddress"/>), decoded by an ffmpeg
/// of its own into a buffer of at most a second. Reading never waits: what has not arrived is silence, and a buffer
/// that runs full drops its oldest sound, so the input never gets later than a second behind. A stream that ends or
/// fails is opened again (2 s, doubling to 30 s between tries) for as long as the show runs.
/// </summary>
public sealed class LiveInput : IAudioSource, IDisposable
{
    private readonly InputAddress _address;
    private readonly short[] _ring;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private long _frames;
    private int _start, _count;

    private LiveInput(AudioFormat format, InputAddress address)
    {
        (Format, _address) = (format, address);
        _ring = new short[format.SampleRate * format.Channels];
        new Thread(Run) { IsBackground = true, Name = "audio-input" }.Start();
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public TimeSpan Read(Span<short> destination)
    {
        lock (_lock)
        {
            var n = Math.Min(_count, destination.Length);
            for (var i = 0; i < n; i++) destination[i] = _ring[(_start + i) % _ring.Length];
            (_start, _count) = ((_start + n) % _ring.Length, _count - n);
            destination[n..].Clear();
        }
        return TimeSpan.FromSeconds((double)_frames++ * Format.SamplesPerFrame / Format.SampleRate);
    }

    /// <summary>Stops reading and ends its ffmpeg.</summary>
    public void Dispose() => _stop.Cancel();

    private void Run()
    {
        var delay = TimeSpan.FromSeconds(2);
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try { Decode(); }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30)) delay = TimeSpan.FromSeconds(2); // it ran a while: start the backoff over
            if (_stop.Token.WaitHandle.WaitOne(delay)) return;
            delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        }
    }

    private void Decode()
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
        string[] output = ["-vn", "-f", "s16le", "-ar", Format.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-ac", Format.Channels.ToString(System.Globalization.CultureInfo.InvariantCulture), "pipe:1"];
        foreach (var a in (string[])["-hide_banner", "-nostdin", "-loglevel", "quiet", .. _address.InputArguments, .. output]) info.ArgumentList.Add(a);
        using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        using var stopping = _stop.Token.Register(() => { try { ffmpeg.Kill(); } catch (InvalidOperationException) { } });
        var buffer = new byte[Format.SamplesPerFrame * Format.Channels * 2];
        int read;
        while ((read = ffmpeg.StandardOutput.BaseStream.Read(buffer)) > 0) Add(MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, read & ~1)));
        ffmpeg.WaitForExit();
    }

    private void Add(ReadOnlySpan<short> samples)
    {
        lock (_lock)
            foreach (var sample in samples)
            {
                if (_count == _ring.Length) (_start, _count) = ((_start + 1) % _ring.Length, _count - 1); // full: the oldest goes
                _ring[(_start + _count++) % _ring.Length] = sample;
            }
    }

    /// <summary>Makes <see cref="LiveInput"/>s.</summary>
    public sealed class Type : IAudioSourceType
    {
        /// <inheritdoc />
        public string Name => "input";

        /// <inheritdoc />
        public IAudioSource Create(AudioFormat format, JsonObject settings) => new LiveInput(format, InputAddress.From(settings));
    }
}
