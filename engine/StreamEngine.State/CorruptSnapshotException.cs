namespace StreamEngine.State;

/// <summary>
/// The store answered, but its saved show cannot be read (not JSON, missing fields). Unlike
/// <see cref="StoreUnavailableException"/> retrying will not help: the snapshot is set aside and the show starts from its scene file.
/// </summary>
public sealed class CorruptSnapshotException(string message, Exception? inner = null) : Exception(message, inner);
