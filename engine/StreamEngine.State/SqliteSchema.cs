namespace StreamEngine.State;

/// <summary>The SQL of <see cref="SqliteStateStore"/>: one snapshot row and append-only event streams.</summary>
internal static class SqliteSchema
{
    // journal_mode=WAL is stored in the file; synchronous is per connection and FULL makes every commit fsync the
    // WAL, so an acknowledged bid is on disk. busy_timeout covers a second process (a stale engine) holding the lock.
    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 2000;
        CREATE TABLE IF NOT EXISTS show_snapshot (
            id       INTEGER PRIMARY KEY CHECK (id = 1),
            scene    TEXT    NOT NULL,
            frame    INTEGER NOT NULL,
            fps      INTEGER NOT NULL,
            saved_at TEXT    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS show_snapshot_set_aside (
            scene        TEXT,
            frame        INTEGER,
            fps          INTEGER,
            saved_at     TEXT,
            set_aside_at TEXT NOT NULL,
            reason       TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS event_streams (
            stream TEXT    NOT NULL,
            seq    INTEGER NOT NULL,
            json   TEXT    NOT NULL,
            time   TEXT    NOT NULL,
            PRIMARY KEY (stream, seq)
        );
        """;

    public const string LoadSnapshot = "SELECT scene, frame, fps, saved_at FROM show_snapshot WHERE id = 1";

    // A corrupt or invalid snapshot is kept for inspection but never loaded again.
    public const string SetSnapshotAside = """
        INSERT INTO show_snapshot_set_aside (scene, frame, fps, saved_at, set_aside_at, reason)
            SELECT CAST(scene AS TEXT), frame, fps, CAST(saved_at AS TEXT), $time, $reason FROM show_snapshot WHERE id = 1;
        DELETE FROM show_snapshot WHERE id = 1;
        """;

    public const string SaveSnapshot = """
        INSERT INTO show_snapshot (id, scene, frame, fps, saved_at) VALUES (1, $scene, $frame, $fps, $saved_at)
        ON CONFLICT (id) DO UPDATE SET scene = excluded.scene, frame = excluded.frame, fps = excluded.fps, saved_at = excluded.saved_at
        """;

    // One statement, so numbering and insert are one atomic commit.
    public const string AppendEvent = """
        INSERT INTO event_streams (stream, seq, json, time)
        SELECT $stream, COALESCE(MAX(seq), 0) + 1, $json, $time FROM event_streams WHERE stream = $stream
        """;

    public const string ReadEvents = "SELECT json FROM event_streams WHERE stream = $stream ORDER BY seq";
}
