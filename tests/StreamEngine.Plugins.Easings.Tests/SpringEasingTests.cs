namespace StreamEngine.Plugins.Easings.Tests;

public class SpringEasingTests
{
    // Damping 20 with mass 1 and stiffness 100 is exactly critical; below it oscillates, above it creeps.
    public static readonly TheoryData<double, double, double, double> Springs = Grid();

    [Theory]
    [MemberData(nameof(Springs))]
    public void Starts_at_0_ends_exactly_at_1_and_is_never_NaN(double mass, double stiffness, double damping, double velocity)
    {
        var easing = Spring(mass, stiffness, damping, velocity);

        Assert.Equal(0.0, easing.Ease(0));
        Assert.Equal(1.0, easing.Ease(1));
        Assert.All(Times(), t => Assert.True(double.IsFinite(easing.Ease(t)), $"{easing.Name} at t = {t}: {easing.Ease(t)}"));
    }

    [Theory]
    [MemberData(nameof(Springs))]
    public void Has_settled_when_the_animation_ends(double mass, double stiffness, double damping, double velocity)
    {
        var easing = Spring(mass, stiffness, damping, velocity);

        // t = 1 is when the envelope falls to 0.001, so just before it the spring is that close to the end.
        Assert.InRange(easing.Ease(0.9999), 0.9989, 1.0011);
        // ...and not long before: the time is not padded out with a spring at rest.
        Assert.True(Times().Where(t => t >= 0.5).Any(t => Math.Abs(easing.Ease(t) - 1) > 0.0005), easing.Name);
    }

    [Theory]
    [InlineData("spring")]
    [InlineData("spring(1, 100, 10, 0)")]
    [InlineData("spring(1, 170, 5, 0)")]
    [InlineData("spring(3, 50, 2, -4)")]
    public void Under_damped_spring_overshoots_the_end(string specification)
    {
        var easing = EasingLookup.Resolve(specification);

        Assert.True(Times().Max(easing.Ease) > 1.01, $"{specification} never goes past 1");
    }

    [Theory]
    [InlineData("spring(1, 100, 20, 0)")]
    [InlineData("spring(1, 100, 40, 0)")]
    [InlineData("spring(1, 100, 400, 0)")]
    [InlineData("spring(2, 1, 50, 0)")]
    public void Critically_and_over_damped_springs_rise_without_overshooting(string specification)
    {
        var easing = EasingLookup.Resolve(specification);
        var values = Times().Select(easing.Ease).ToList();

        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.Second >= pair.First, specification));
        Assert.True(values.Max() <= 1, specification);
    }

    [Fact]
    public void Spring_at_rest_follows_the_closed_form()
    {
        // spring(1, 100, 10, 0): ω₀ = 10, ζ = 0.5, ω_d = 10·√0.75; settling when 1.1547·e^(-5τ) = 0.001.
        var easing = EasingLookup.Resolve("spring(1, 100, 10, 0)");
        var settlingTime = Math.Log(Math.Sqrt(4.0 / 3) / 0.001) / 5;
        var frequency = 10 * Math.Sqrt(0.75);

        foreach (var t in new[] { 0.05, 0.2, 0.5, 0.8 })
        {
            var tau = t * settlingTime;
            var expected = 1 - Math.Exp(-5 * tau) * (Math.Cos(frequency * tau) + 5 / frequency * Math.Sin(frequency * tau));
            Assert.Equal(expected, easing.Ease(t), 1e-12);
        }
    }

    [Fact]
    public void Initial_velocity_towards_the_end_gives_a_head_start()
    {
        var still = EasingLookup.Resolve("spring(1, 100, 20, 0)");
        var pushed = EasingLookup.Resolve("spring(1, 100, 20, 30)");

        Assert.True(pushed.Ease(0.02) > still.Ease(0.02));
    }

    private static Sdk.Animation.IEasing Spring(double mass, double stiffness, double damping, double velocity) =>
        EasingLookup.Resolve(FormattableString.Invariant($"spring({mass}, {stiffness}, {damping}, {velocity})"));

    private static IEnumerable<double> Times() => Enumerable.Range(0, 1001).Select(k => k / 1000.0);

    private static TheoryData<double, double, double, double> Grid()
    {
        var grid = new TheoryData<double, double, double, double>();
        foreach (var mass in new[] { 0.1, 1, 10 })
        foreach (var stiffness in new[] { 1, 100, 1000 })
        foreach (var zeta in new[] { 0.05, 0.5, 0.9999999, 1, 1.0000001, 1.5, 30 })
        foreach (var velocity in new[] { -20.0, 0, 20 })
            grid.Add(mass, stiffness, 2 * zeta * Math.Sqrt(stiffness * mass), velocity);
        return grid;
    }
}
