namespace StreamEngine.Core.Scene;

/// <summary>A change to the scene that cannot be made, with a message naming the input and what was expected.</summary>
/// <param name="field">The field at fault (<c>transform.width</c>), when there is one.</param>
public sealed class SceneException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;

    /// <summary>The first of <paramref name="problems"/> as an exception (all of them in the message).</summary>
    public static SceneException From(string subject, IReadOnlyList<ValidationProblem> problems) =>
        new($"{subject}: {string.Join("; ", problems)}", problems[0].Path);
}
