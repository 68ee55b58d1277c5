using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SkiaSharp;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Core.Resources;

/// <summary>
/// The show's shared images, animations and fonts. A request for something not yet loaded starts its load on the thread
/// pool and answers <see cref="ResourceStatus.Loading"/>; finished loads are taken in on the frame thread by
/// <see cref="BeginFrame"/>, which is also where values are replaced and evicted, so a value is never disposed while a
/// renderer draws it. Loaded files are watched and URLs fetched again after their TTL: the new version replaces the old
/// once it has loaded, and the layers that showed it are drawn again (<see cref="ChangedAt"/>).
/// </summary>
public sealed partial class ResourceCache : IResourceCache, IDisposable
{
    private readonly ResourceCacheOptions _options;
    private readonly ILogger _logger;
    private readonly ResourceSource _source;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(Entry Entry, object? Value, long Bytes, string? Error)> _finished = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, FolderWatch> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _changedFiles = new();
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private DateTimeOffset _lastTtlScan;
    private int _loading;
    private int _held;
    private long _frame;

    public ResourceCache(ResourceCacheOptions options, ILogger logger, TimeProvider? time = null)
    {
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _http = new HttpClient(options.RemoteServers.Handler(options.Timeout)) { Timeout = Timeout.InfiniteTimeSpan };
        _source = new ResourceSource(options, _http);
    }

    /// <summary>Changes whenever a load finishes (ready or failed): layers that waited for one render again.</summary>
    public long Version { get; private set; }

    /// <summary>Decoded bytes held.</summary>
    public long Bytes { get; private set; }

    /// <summary>Loads started and not yet taken in by <see cref="BeginFrame"/>.</summary>
    public int Loading => Volatile.Read(ref _loading);

    /// <summary>Counts replacements of a loaded value by a newer version (a file saved again, a URL fetched after its TTL).</summary>
    public long Changes { get; private set; }

    /// <summary>The <see cref="Changes"/> count when <paramref name="source"/> was last replaced by a newer version, else 0.</summary>
    public long ChangedAt(string source) => _changedAt.GetValueOrDefault(source);

    public Resource<SKImage> Image(string source) =>
        Get<SKImage>("image", source, async (s, token) => (ResourceDecoder.Image(s, await _source.ReadAsync(s, token), _options.MaxPixels), 0));

    public Resource<AnimatedImage> Animation(string source) =>
        Get<AnimatedImage>("animation", source, LoadAnimationAsync);

    public Resource<SKTypeface> Typeface(string path) =>
        Get<SKTypeface>("font", path, async (s, token) =>
        {
            var data = await _source.ReadAsync(s, token);
            using var skData = SKData.CreateCopy(data);
            return (SKTypeface.FromData(skData) ?? throw new ResourceException($"'{s}' is not a TTF or OTF font"), data.Length);
        });

    /// <summary>
    /// While a worker draws layers ahead (a plugin reload), nothing it may be drawing is replaced or evicted: finished
    /// loads wait until the returned hold is disposed. Frame thread.
    /// </summary>
    public IDisposable Hold()
    {
        Interlocked.Increment(ref _held);
        return new HoldRelease(() => Interlocked.Decrement(ref _held));
    }

    /// <summary>Frame thread, before composing: takes in finished loads, evicts what the budget cannot hold.</summary>
    public void BeginFrame()
    {
        _frame++;
        if (Volatile.Read(ref _held) > 0) return;
        var changed = false;
        while (_finished.TryDequeue(out var done))
        {
            Interlocked.Decrement(ref _loading);
            changed = true;
            var entry = done.Entry;
            entry.Loading = false;
            if (done.Error is not null && entry.Value is not null)
            {
                // A newer version failed (a URL down, a file caught half-written): keep showing what was there.
                _logger.LogWarning("Resource {Source} could not be refreshed, the loaded one stays: {Error}", entry.Source, done.Error);
                entry.LoadedAt = _time.GetUtcNow() - _options.Ttl + _options.Retry;
                continue;
            }
            if (entry.Value is not null) _changedAt[entry.Source] = ++Changes;
            Release(entry);
            (entry.Value, entry.Error, entry.LoadedAt) = (done.Value, done.Error, _time.GetUtcNow());
            entry.Bytes = done.Bytes;
            Bytes += entry.Bytes;
            if (done.Error is not null) _logger.LogWarning("Resource {Source} cannot be loaded: {Error}", entry.Source, done.Error);
            else Watch(entry.Source); // only what was allowed and loaded: a refused path is not watched either
        }
        if (changed) Version++;
        if (Bytes > _options.MaxBytes) Evict();
        RefreshChanged();
    }

    /// <summary>Waits until every load started so far has finished; offline renders use it so no frame shows a loading state.</summary>
    public async Task WhenLoadedAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _loading) > _finished.Count) await Task.Delay(5, cancellationToken);
    }

    private Resource<T> Get<T>(string kind, string source, Func<string, CancellationToken, Task<(T Value, long Bytes)>> load) where T : class
    {
        // No lock: the worker drawing layers ahead runs at a low priority, and a lock it held while the scheduler left
        // it waiting would stall the frame thread for as long (a priority inversion). Two threads asking at once agree
        // on one entry, and only one of them starts its load.
        var entry = _entries.GetOrAdd(kind + "\n" + source, static (_, a) => new Entry(a.source) { Load = async token => await a.load(a.source, token) }, (source, load));
        entry.LastUsed = _frame;
        if (IsStale(entry) && entry.TryClaimLoad()) Start(entry);
        return entry switch
        {
            { Value: T value } => Resource<T>.Ready(value),
            { Error: { } error } => Resource<T>.Failed(error),
            _ => Resource<T>.Loading,
        };
    }

    private bool IsStale(Entry entry)
    {
        if (entry.Value is null && entry.Error is null) return true;
        var age = _time.GetUtcNow() - entry.LoadedAt;
        if (entry.Error is not null) return age >= _options.Retry;
        return ResourceSource.IsUrl(entry.Source) && age >= _options.Ttl;
    }

    /// <summary>Starts a load <see cref="Entry.TryClaimLoad"/> was granted (or, on the frame thread, one of an entry not loading).</summary>
    private void Start(Entry entry)
    {
        entry.Loading = true;
        Interlocked.Increment(ref _loading);
        var token = _stopping.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                var (value, bytes) = await entry.Load!(token);
                _finished.Enqueue((entry, value, bytes > 0 ? bytes : SizeOf(value), null));
            }
            catch (Exception e) when (e is ResourceException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                _finished.Enqueue((entry, null, 0, e.Message));
            }
            catch (Exception e)
            {
                _finished.Enqueue((entry, null, 0, $"'{entry.Source}': {e.GetType().Name}: {e.Message}"));
            }
        }, token);
    }

    private async Task<(AnimatedImage, long)> LoadAnimationAsync(string source, CancellationToken token)
    {
        if (ResourceSource.IsUrl(source) || !_options.LocalFiles.IsFolder(source))
            return (ResourceDecoder.Animation(source, await _source.ReadAsync(source, token), _options.MaxPixels), 0);
        var files = Directory.EnumerateFiles(source).Where(ResourceDecoder.IsImageFile).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new ResourceException($"folder '{source}' holds no PNG, JPEG, WebP, GIF or BMP files");
        var frames = new List<SKImage>();
        long pixels = 0;
        try
        {
            foreach (var file in files)
            {
                var frame = ResourceDecoder.Image(file, await _options.LocalFiles.ReadAsync(file, token), _options.MaxPixels - pixels);
                frames.Add(frame);
                pixels += (long)frame.Width * frame.Height;
            }
        }
        catch
        {
            foreach (var frame in frames) frame.Dispose();
            throw;
        }
        return (new AnimatedImage(frames, frames.Select(_ => TimeSpan.Zero).ToList()), 0);
    }

    private static long SizeOf(object value) => value switch
    {
        SKImage image => (long)image.Width * image.Height * 4,
        AnimatedImage animation => animation.Frames.Sum(f => (long)f.Width * f.Height * 4),
        _ => 0,
    };

    private void Evict()
    {
        foreach (var (key, entry) in _entries.Where(e => e.Value.Value is not null && e.Value.LastUsed < _frame && !e.Value.Loading)
                     .OrderBy(e => e.Value.LastUsed).ToList())
        {
            if (Bytes <= _options.MaxBytes) break;
            Release(entry);
            _entries.TryRemove(key, out _);
        }
    }

    private void Release(Entry entry)
    {
        Bytes -= entry.Bytes;
        entry.Bytes = 0;
        switch (entry.Value)
        {
            case AnimatedImage animation:
                foreach (var frame in animation.Frames) frame.Dispose();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
        entry.Value = null;
    }

    private sealed class HoldRelease(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) release();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var watcher in _watchers.Values) watcher.Dispose();
        foreach (var entry in _entries.Values) Release(entry);
        _entries.Clear();
        _http.Dispose();
    }

    private sealed class Entry(string source)
    {
        public string Source { get; } = source;
        public object? Value { get; set; }
        public string? Error { get; set; }
        public long Bytes { get; set; }
        private int _loading;

        public bool Loading
        {
            get => Volatile.Read(ref _loading) == 1;
            set => Volatile.Write(ref _loading, value ? 1 : 0);
        }

        /// <summary>True for the one caller that gets to start the load of an entry not loading.</summary>
        public bool TryClaimLoad() => Interlocked.CompareExchange(ref _loading, 1, 0) == 0;

        public long LastUsed { get; set; }
        public DateTimeOffset LoadedAt { get; set; }
        public Func<CancellationToken, Task<(object Value, long Bytes)>>? Load { get; init; }
    }
}
