namespace StreamEngine.Core.Scene;

/// <summary>One problem in a scene or config file: where (a JSON path such as <c>$.layers[2].transform.opacity</c>) and what was expected.</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
