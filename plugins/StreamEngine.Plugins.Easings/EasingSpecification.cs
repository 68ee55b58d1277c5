using System.Globalization;

namespace StreamEngine.Plugins.Easings;

/// <summary>
/// An easing specification split into its function and arguments: <c>cubic-bezier(0.25, 0.1, 0.25, 1)</c> is the
/// function <c>cubic-bezier</c> with four arguments; <c>ease</c> is a keyword without an argument list.
/// Names are case-insensitive and spaces around names and arguments are ignored.
/// </summary>
internal sealed class EasingSpecification
{
    private readonly string[]? _arguments;
    private readonly bool _wellFormed;

    private EasingSpecification(string text, string function, string[]? arguments, bool wellFormed)
    {
        Text = text;
        Function = function;
        _arguments = arguments;
        _wellFormed = wellFormed;
    }

    /// <summary>The specification as written (trimmed), for messages.</summary>
    public string Text { get; }

    /// <summary>The function or keyword in lower case: <c>cubic-bezier</c>, <c>steps</c>, <c>ease-in</c>.</summary>
    public string Function { get; }

    /// <summary>Whether the specification has an argument list, even an empty one: <c>spring()</c> does, <c>spring</c> does not.</summary>
    public bool HasArgumentList => _arguments is not null;

    public static EasingSpecification Parse(string specification)
    {
        var text = specification.Trim();
        var open = text.IndexOfAny(['(', ')']);
        if (open < 0)
            return new(text, text.ToLowerInvariant(), null, wellFormed: true);

        // A malformed list is reported by the provider that knows the function, because it knows what to expect.
        var close = text.Length - 1;
        var wellFormed = text[open] == '(' && text[close] == ')' && text.IndexOfAny(['(', ')'], open + 1) == close;
        var inside = wellFormed ? text[(open + 1)..close].Trim() : "";
        var arguments = inside.Length == 0 ? [] : inside.Split(',').Select(a => a.Trim()).ToArray();
        return new(text, text[..open].TrimEnd().ToLowerInvariant(), arguments, wellFormed);
    }

    /// <summary>Checks a keyword such as <c>ease</c> was written without arguments.</summary>
    public void RequireKeyword()
    {
        if (HasArgumentList || !_wellFormed)
            throw Error($"expected {Function} without arguments");
    }

    /// <summary>The arguments, when there is a well-formed list of <paramref name="min"/> to <paramref name="max"/>.</summary>
    public IReadOnlyList<string> Arguments(int min, int max, string usage)
    {
        if (_arguments is null || !_wellFormed || _arguments.Length < min || _arguments.Length > max)
            throw Error($"expected {usage}");
        return _arguments;
    }

    /// <summary>An argument read as a finite number; <paramref name="name"/> says which one in the message.</summary>
    public double Number(string argument, string name)
    {
        if (double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        throw Error($"{name} must be a number, got '{argument}'");
    }

    /// <summary>An argument read as a whole number; <paramref name="name"/> says which one in the message.</summary>
    public int Integer(string argument, string name)
    {
        if (int.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        throw Error($"{name} must be a whole number, got '{argument}'");
    }

    /// <summary>The exception for a specification this plugin knows but cannot accept, naming it and the problem.</summary>
    public FormatException Error(string problem) => new($"{Text}: {problem}");
}
