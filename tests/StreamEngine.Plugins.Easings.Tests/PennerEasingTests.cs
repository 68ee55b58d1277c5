namespace StreamEngine.Plugins.Easings.Tests;

public class PennerEasingTests
{
    /// <summary>
    /// Values at t = 0.25, 0.5 and 0.75 from the formulas on easings.net, computed independently of the plugin by
    /// reference/penner.py (python3 reference/penner.py prints these rows).
    /// </summary>
    public static readonly TheoryData<string, double[]> ReferenceValues = new()
    {
        { "easeInSine", [0.07612046748871326, 0.2928932188134524, 0.6173165676349102] },
        { "easeOutSine", [0.3826834323650898, 0.7071067811865475, 0.9238795325112867] },
        { "easeInOutSine", [0.1464466094067262, 0.49999999999999994, 0.8535533905932737] },
        { "easeInQuad", [0.0625, 0.25, 0.5625] },
        { "easeOutQuad", [0.4375, 0.75, 0.9375] },
        { "easeInOutQuad", [0.125, 0.5, 0.875] },
        { "easeInCubic", [0.015625, 0.125, 0.421875] },
        { "easeOutCubic", [0.578125, 0.875, 0.984375] },
        { "easeInOutCubic", [0.0625, 0.5, 0.9375] },
        { "easeInQuart", [0.00390625, 0.0625, 0.31640625] },
        { "easeOutQuart", [0.68359375, 0.9375, 0.99609375] },
        { "easeInOutQuart", [0.03125, 0.5, 0.96875] },
        { "easeInQuint", [0.0009765625, 0.03125, 0.2373046875] },
        { "easeOutQuint", [0.7626953125, 0.96875, 0.9990234375] },
        { "easeInOutQuint", [0.015625, 0.5, 0.984375] },
        { "easeInExpo", [0.005524271728019903, 0.03125, 0.1767766952966369] },
        { "easeOutExpo", [0.8232233047033631, 0.96875, 0.99447572827198] },
        { "easeInOutExpo", [0.015625, 0.5, 0.984375] },
        { "easeInCirc", [0.031754163448145745, 0.1339745962155614, 0.3385621722338523] },
        { "easeOutCirc", [0.6614378277661477, 0.8660254037844386, 0.9682458365518543] },
        { "easeInOutCirc", [0.0669872981077807, 0.5, 0.9330127018922193] },
        { "easeInBack", [-0.06413656250000001, -0.08769750000000004, 0.18259031249999969] },
        { "easeOutBack", [0.8174096875000002, 1.0876975, 1.0641365625] },
        { "easeInOutBack", [-0.09968184375, 0.5, 1.09968184375] },
        { "easeInElastic", [-0.005524271728019903, -0.015625000000000045, 0.08838834764831832] },
        { "easeOutElastic", [0.9116116523516816, 1.015625, 1.00552427172802] },
        { "easeInOutElastic", [0.011969444423734044, 0.5, 0.988030555576266] },
        { "easeInBounce", [0.02734375, 0.234375, 0.52734375] },
        { "easeOutBounce", [0.47265625, 0.765625, 0.97265625] },
        { "easeInOutBounce", [0.1171875, 0.5, 0.8828125] },
    };

    public static readonly TheoryData<string> Names = new(ReferenceValues.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Names))]
    public void Starts_exactly_at_0_and_ends_exactly_at_1(string name)
    {
        var easing = EasingLookup.Resolve(name);

        Assert.Equal(0.0, easing.Ease(0));
        Assert.Equal(1.0, easing.Ease(1));
    }

    [Theory]
    [MemberData(nameof(ReferenceValues))]
    public void Matches_the_published_formula(string name, double[] expected)
    {
        var easing = EasingLookup.Resolve(name);

        Assert.Equal(name, easing.Name);
        Assert.Equal(expected[0], easing.Ease(0.25), 1e-12);
        Assert.Equal(expected[1], easing.Ease(0.5), 1e-12);
        Assert.Equal(expected[2], easing.Ease(0.75), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Kebab_case_name_gives_the_same_easing(string name)
    {
        var kebab = string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

        Assert.Same(EasingLookup.Resolve(name).GetType(), EasingLookup.Resolve(kebab).GetType());
    }

    [Fact]
    public void Linear_leaves_progress_unchanged()
    {
        var linear = EasingLookup.Resolve("linear");

        Assert.Equal([0, 0.25, 0.5, 1], new[] { 0, 0.25, 0.5, 1 }.Select(linear.Ease));
    }
}
