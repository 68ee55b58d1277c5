using StreamEngine.Core.Scene;

namespace StreamEngine.Application;

/// <summary>Bad input from the user (config, scene, flags): reported as a list of problems, exit code 2.</summary>
public sealed class UserInputException(string source, IReadOnlyList<ValidationProblem> problems)
    : Exception($"{source}: {problems.Count} problem(s)")
{
    public string Input { get; } = source;

    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;

    public UserInputException(string source, string path, string message) : this(source, [new ValidationProblem(path, message)]) { }
}
