namespace StreamEngine.Plugins.Easings.Tests;

public class BadSpecificationTests
{
    [Theory]
    [InlineData("cubic-bezier(2, 0, 1, 1)", "x1 must be between 0 and 1")]
    [InlineData("cubic-bezier(0.5, 0, -0.1, 1)", "x2 must be between 0 and 1")]
    [InlineData("cubic-bezier(0.1, 0.2, 0.3)", "expected cubic-bezier(x1, y1, x2, y2)")]
    [InlineData("cubic-bezier(0.1, 0.2, 0.3, 0.4, 0.5)", "expected cubic-bezier(x1, y1, x2, y2)")]
    [InlineData("cubic-bezier(0.1, 0.2, 0.3, 0.4", "expected cubic-bezier(x1, y1, x2, y2)")]
    [InlineData("cubic-bezier", "expected cubic-bezier(x1, y1, x2, y2)")]
    [InlineData("cubic-bezier(a, 0, 1, 1)", "x1 must be a number, got 'a'")]
    [InlineData("cubic-bezier(0, 0, 1, NaN)", "y2 must be a number, got 'NaN'")]
    [InlineData("ease(1)", "expected ease without arguments")]
    [InlineData("ease-in-out()", "expected ease-in-out without arguments")]
    [InlineData("steps(0)", "the number of steps must be at least 1, got 0")]
    [InlineData("steps(-2, end)", "the number of steps must be at least 1, got -2")]
    [InlineData("steps(1, jump-none)", "jump-none needs at least 2 steps, got 1")]
    [InlineData("steps(2.5)", "the number of steps must be a whole number, got '2.5'")]
    [InlineData("steps(4, sideways)", "the step position must be jump-start, jump-end, jump-none, jump-both, start or end, got 'sideways'")]
    [InlineData("steps()", "expected steps(n) or steps(n, jump-start|jump-end|jump-none|jump-both|start|end)")]
    [InlineData("steps(4,)", "the step position must be")]
    [InlineData("steps", "expected steps(n)")]
    [InlineData("step-end(2)", "expected step-end without arguments")]
    [InlineData("spring(0, 100, 10, 0)", "mass must be greater than 0, got 0")]
    [InlineData("spring(1, -5, 10, 0)", "stiffness must be greater than 0, got -5")]
    [InlineData("spring(1, 100, 0, 0)", "damping must be greater than 0")]
    [InlineData("spring(1, 100, 10, 0, 5)", "expected spring(mass, stiffness, damping, initialVelocity)")]
    [InlineData("spring(1, stiff)", "stiffness must be a number, got 'stiff'")]
    [InlineData("spring(1, 100, 10, Infinity)", "initialVelocity must be a number, got 'Infinity'")]
    [InlineData("spring)", "expected spring(mass, stiffness, damping, initialVelocity)")]
    [InlineData("ease-out)", "expected ease-out without arguments")]
    public void Bad_specification_is_rejected_with_a_message_naming_it(string specification, string expected)
    {
        var error = Assert.Throws<FormatException>(() => EasingLookup.Resolve(specification));

        Assert.StartsWith(specification + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_quotes_the_specification_as_written()
    {
        var error = Assert.Throws<FormatException>(() => EasingLookup.Resolve("  Cubic-Bezier(2, 0, 1, 1) "));

        Assert.Equal("Cubic-Bezier(2, 0, 1, 1): x1 must be between 0 and 1", error.Message);
    }
}
