using StreamEngine.Core.Animation;

namespace StreamEngine.Core.Tests.Animation;

public sealed class SpringTests
{
    [Theory]
    [InlineData(1, 170, 26)]   // under-damped (a little overshoot)
    [InlineData(1, 100, 20)]   // critically damped
    [InlineData(1, 100, 60)]   // over-damped
    [InlineData(3, 400, 5)]    // very bouncy
    public void A_spring_settles_on_its_target_and_never_produces_NaN(double mass, double stiffness, double damping)
    {
        var spring = new Spring(0, 100, 0, mass, stiffness, damping);
        var settle = spring.SettleTime(0.01, 0.01);
        Assert.InRange(settle, 0.01, 60);
        for (var t = 0.0; t < settle * 2; t += 1 / 240.0)
        {
            var (x, v) = spring.At(t);
            Assert.True(double.IsFinite(x) && double.IsFinite(v), $"NaN at {t}");
            if (t >= settle) Assert.True(Math.Abs(x - 100) < 0.01 && Math.Abs(v) < 0.01, $"not at rest at {t}: {x}, {v}");
        }
    }

    [Fact]
    public void An_under_damped_spring_overshoots_and_velocity_is_the_derivative_of_position()
    {
        var spring = new Spring(0, 1, 0, 1, 170, 10);
        var peak = Enumerable.Range(0, 300).Select(i => spring.At(i / 300.0).Position).Max();
        Assert.True(peak > 1.1, $"peak {peak}");
        const double h = 1e-6;
        foreach (var t in new[] { 0.05, 0.2, 0.5 })
            Assert.Equal((spring.At(t + h).Position - spring.At(t - h).Position) / (2 * h), spring.At(t).Velocity, 3);
    }

    [Fact]
    public void A_spring_animation_ends_exactly_on_target()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"spring","target":"box","property":"scale","from":0.5,"to":1.2,"stiffness":300,"damping":18}"""));
        rig.RunSeconds(5);
        Assert.Equal(1.2, rig.Layer().Transform.ScaleX);
        Assert.Equal(1.2, rig.Layer().Transform.ScaleY);
        Assert.Contains(rig.Events, e => e.Kind == AnimationEventKind.Completed);
    }

    [Fact]
    public async Task Retargeting_a_moving_spring_keeps_its_position_and_velocity()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"id":"price","kind":"spring","target":"box","property":"y","from":0,"to":100,"stiffness":120,"damping":12}"""));
        rig.RunTo(11);
        rig.Start(AnimationRig.Json("""{"id":"price","kind":"spring","target":"box","property":"y","to":-50,"stiffness":120,"damping":12}""")); // applied at frame 12

        var (position, velocity) = new Spring(0, 100, 0, 1, 120, 12).At(12.0 / AnimationRig.Fps);
        Assert.Equal(position, rig.Layer().Transform.Y, 9); // no jump
        var snapshot = rig.Runtime.SnapshotAsync();
        rig.RunTo(rig.Frame);
        var handedOver = Assert.IsType<SpringSpec>(Assert.Single(await snapshot));
        Assert.Equal(position, handedOver.From!.Value, 9);
        Assert.Equal(velocity, handedOver.Velocity, 9); // velocity kept
        Assert.Contains(rig.Events, e => e is { AnimationId: "price", Kind: AnimationEventKind.Cancelled });
        rig.RunSeconds(6);
        Assert.Equal(-50, rig.Layer().Transform.Y);
    }
}
