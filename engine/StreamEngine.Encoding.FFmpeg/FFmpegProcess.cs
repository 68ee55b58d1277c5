using System.Diagnostics;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// One running ffmpeg child process with its pipes. stderr is drained into a short tail (for error reasons),
/// since an undrained pipe would stall ffmpeg.
/// </summary>
internal sealed class FFmpegProcess : IDisposable
{
    private const int TailLines = 8;

    private readonly Process _process;
    private readonly Queue<string> _errorTail = new();

    private FFmpegProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public StreamReader OutputText => _process.StandardOutput;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines ffmpeg wrote to stderr, oldest first. May hold secrets: redact before showing.</summary>
    public IReadOnlyList<string> ErrorTail
    {
        get { lock (_errorTail) return _errorTail.ToList(); }
    }

    /// <summary>
    /// Starts <paramref name="ffmpegPath"/> in its own session, ended with the engine and without its secrets
    /// (<see cref="ChildProcessLaunch"/>); throws <see cref="System.ComponentModel.Win32Exception"/> when it cannot.
    /// <paramref name="rawFrames"/>: its input is raw pictures, megabytes each, so its pipe is widened (fewer wake-ups);
    /// an encoded stream's pipe stays narrow, so a stalled link shows as a backlog in the engine's queue at once.
    /// </summary>
    public static FFmpegProcess Start(string ffmpegPath, IEnumerable<string> arguments, bool rawFrames = false)
    {
        var process = new Process { StartInfo = ChildProcessLaunch.Info(ffmpegPath, arguments) };
        var ffmpeg = new FFmpegProcess(process);
        process.ErrorDataReceived += (_, e) => ffmpeg.OnErrorLine(e.Data);
        ChildProcessLaunch.Start(process);
        if (rawFrames) PipeCapacity.TryWiden(process.StandardInput.BaseStream);
        process.BeginErrorReadLine();
        return ffmpeg;
    }

    /// <summary>
    /// The exit code and the last stderr line (the error of a failed output), or the first (the root cause of a
    /// failed encoder start, e.g. "Cannot load libcuda.so.1").
    /// </summary>
    public string DescribeExit(bool firstLine = false)
    {
        var lines = ErrorTail.Where(l => !string.IsNullOrWhiteSpace(l));
        var line = firstLine ? lines.FirstOrDefault() : lines.LastOrDefault();
        var code = HasExited ? $"ffmpeg exited with code {ExitCode}" : "ffmpeg stopped";
        return line is null ? code : $"{code}: {line.Trim()}";
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Waits up to <paramref name="timeout"/> for ffmpeg to exit by itself, then kills it.</summary>
    public async Task<bool> WaitOrKillAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Closes ffmpeg's stdin so it finishes the input, flushes and exits.</summary>
    public void CloseInput()
    {
        try { _process.StandardInput.Close(); }
        catch (IOException) { } // already gone: nothing left to flush
    }

    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnErrorLine(string? line)
    {
        if (line is null) return;
        lock (_errorTail)
        {
            _errorTail.Enqueue(line);
            while (_errorTail.Count > TailLines) _errorTail.Dequeue();
        }
    }
}
