using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;
using StreamEngine.State;

namespace StreamEngine.Application;

/// <summary>
/// Keeps the store's copy of the show current: a frame hook snapshots the scene when a queued change or an animation
/// start/stop happened (and every few seconds, so the saved show time stays fresh), and the writer saves it behind.
/// A control-plane change is acknowledged as saved only once a snapshot that contains it is saved.
/// </summary>
public sealed class ShowPersistence(ShowRuntime session, StateWriter writer, ILogger<ShowPersistence> logger) : IFrameHook
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    // A script changing layers every frame would otherwise snapshot the show every frame; nobody waits for those.
    private static readonly TimeSpan WriteBehind = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentQueue<TaskCompletionSource> _waiting = new();
    private long _savedStructure = -1, _savedAnimations = -1, _savedScenes = -1, _savedState, _savedMix;
    private long _capturedStructure = -1, _capturedAnimations = -1, _capturedScenes = -1, _capturedMix; // read by request threads
    private double _savedAt = double.NegativeInfinity;

    public StateWriter Writer => writer;

    /// <summary>The mixer's gain and mute changes so far (they are saved with the show, see <see cref="RestoredShow.Mix"/>).</summary>
    private long MixVersion => session.Audio?.Version ?? 0;

    public void OnFrame(FrameTime time)
    {
        var changed = session.Scene.StructureVersion != _savedStructure || session.Animations.Version != _savedAnimations
            || session.Scenes.Version != _savedScenes || session.StateVersion != _savedState || MixVersion != _savedMix;
        if (!changed && _waiting.IsEmpty && time.Seconds - _savedAt < Refresh.TotalSeconds) return;
        if (_waiting.IsEmpty && time.Seconds - _savedAt < WriteBehind.TotalSeconds) return;
        // Scenes change on request threads too: the version read before the capture is one the capture holds.
        var (scenes, state, mix) = (session.Scenes.Version, session.StateVersion, MixVersion);
        writer.SceneChanged(RestoredShow.Capture(session, time));
        (_savedStructure, _savedAnimations, _savedScenes, _savedState, _savedMix, _savedAt) = (session.Scene.StructureVersion, session.Animations.Version, scenes, state, mix, time.Seconds);
        Volatile.Write(ref _capturedStructure, _savedStructure);
        Volatile.Write(ref _capturedAnimations, _savedAnimations);
        Volatile.Write(ref _capturedScenes, _savedScenes);
        Volatile.Write(ref _capturedMix, _savedMix);
        while (_waiting.TryDequeue(out var waiter)) waiter.TrySetResult();
    }

    /// <summary>
    /// The frame clock stopped: saves the show as its last frame left it and waits (at most 5 s) until the store has it,
    /// so an engine taking the show over next continues from there. A failure is logged; the stop goes on.
    /// </summary>
    public async Task SaveLastAsync(FrameTime last)
    {
        writer.SceneChanged(RestoredShow.Capture(session, last));
        try { await writer.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) { logger.LogWarning("The show's last state was not saved before the handover ({Reason})", e.Message); }
    }

    /// <summary>
    /// Completes once everything applied so far is in the store, with null; or, when it cannot be saved now (the store is
    /// down: it is saved on recovery; the clock stopped first), with why — the request is then not acknowledged as saved.
    /// </summary>
    public async Task<string?> SaveNowAsync(CancellationToken clockStopped)
    {
        // The frame that applied the change usually captured it already (this hook runs after the commands):
        // then only the writer has to finish; otherwise wait for the next frame's capture.
        var (structure, animations, scenes, mix) = (session.Scene.StructureVersion, session.Animations.Version, session.Scenes.Version, MixVersion);
        if (Volatile.Read(ref _capturedStructure) < structure || Volatile.Read(ref _capturedAnimations) < animations
            || Volatile.Read(ref _capturedScenes) < scenes || Volatile.Read(ref _capturedMix) < mix)
        {
            var captured = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(captured);
            try { await captured.Task.WaitAsync(TimeSpan.FromSeconds(5), clockStopped); }
            catch (OperationCanceledException)
            {
                return "the engine stopped before the change could be saved";
            }
            catch (TimeoutException)
            {
                return "no frame captured the change within 5 s to save it; it is saved with a later frame";
            }
        }
        try
        {
            await writer.FlushAsync(CancellationToken.None);
            return null;
        }
        catch (Exception e) // StoreUnavailableException, or whatever else the store failed with: the change is applied all the same
        {
            logger.LogWarning("A change was applied but not yet saved ({Reason}); it is saved when the store is back", e.Message);
            return $"the state store is unavailable ({e.Message}); the change is on screen and is saved when the store is back";
        }
    }
}
