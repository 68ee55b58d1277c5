namespace StreamEngine.Plugins.Easings.Tests;

public class CssEasingTests
{
    public static readonly TheoryData<string> Beziers = new(Specifications(step: false));

    public static readonly TheoryData<string> Steps = new(Specifications(step: true));

    [Theory]
    [MemberData(nameof(Beziers))]
    public void Bezier_matches_Chromium(string specification)
    {
        var easing = EasingLookup.Resolve(specification);
        var table = ChromiumReference.Table;

        var expected = table.Progress[specification];
        var actual = table.Times.Select(easing.Ease).ToArray();

        Assert.All(Enumerable.Range(0, expected.Length), i =>
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4,
                $"{specification} at t = {table.Times[i]}: Chromium {expected[i]}, plugin {actual[i]}"));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Steps_match_Chromium_exactly(string specification)
    {
        var easing = EasingLookup.Resolve(specification);
        var table = ChromiumReference.Table;

        var expected = table.Progress[specification];
        var actual = table.Times.Select(easing.Ease).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Reference_table_covers_every_CSS_form()
    {
        var specifications = ChromiumReference.Table.Progress.Keys;

        foreach (var form in new[] { "ease", "ease-in", "ease-out", "ease-in-out", "cubic-bezier(", "step-start", "step-end",
                     "jump-start", "jump-end", "jump-none", "jump-both", ", start)", ", end)", "steps(4)" })
            Assert.Contains(specifications, s => s.Contains(form, StringComparison.Ordinal));
        Assert.Equal(101, ChromiumReference.Table.Times.Length);
    }

    [Fact]
    public void Steep_bezier_is_solved_to_a_millionth()
    {
        // cubic-bezier(1, 0, 0, 1) is almost vertical around its middle, where a solver that stops at browsers' 1e-7
        // in x is off by more than 1e-6 in y. Points come from the curve's own parameter s, so the expected value is exact;
        // right at the vertical tangent (s = 0.5) no solver can pin y down from x, so that spot is left out.
        var easing = EasingLookup.Resolve("cubic-bezier(1, 0, 0, 1)");

        foreach (var s in Enumerable.Range(1, 999).Select(k => k / 1000.0).Where(s => Math.Abs(s - 0.5) >= 0.02))
            Assert.Equal(Bezier(s, 0, 1), easing.Ease(Bezier(s, 1, 0)), 1e-6);
    }

    private static IEnumerable<string> Specifications(bool step) =>
        ChromiumReference.Table.Progress.Keys.Where(s => s.StartsWith("step", StringComparison.Ordinal) == step);

    private static double Bezier(double s, double p1, double p2) =>
        3 * (1 - s) * (1 - s) * s * p1 + 3 * (1 - s) * s * s * p2 + s * s * s;
}
