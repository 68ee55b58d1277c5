namespace StreamEngine.Core.Scene;

/// <summary>A change to the scene that cannot be made, with a message naming the input and what was expected.</summary>
public sealed class SceneException(string message) : Exception(message);
