namespace StreamEngine.Scripting;

/// <summary>A script asked the API for something it cannot do (unknown layer, bad animation, permission): the message says why.</summary>
public sealed class ScriptApiException(string message) : Exception(message);
