using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Tests;

public class PluginShapeTests
{
    [Fact]
    public void Every_public_easing_and_provider_can_be_created_by_the_engine()
    {
        var types = EasingLookup.PublicTypesImplementing<IEasing>().Concat(EasingLookup.PublicTypesImplementing<IEasingProvider>());

        Assert.All(types, t => Assert.NotNull(t.GetConstructor(Type.EmptyTypes)));
    }

    [Fact]
    public void Linear_and_the_thirty_Penner_easings_are_found_by_name()
    {
        var names = EasingLookup.Easings.Select(e => e.Name).ToList();

        Assert.Equal(31, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("linear", names);
    }

    [Fact]
    public void Unknown_specifications_are_left_to_other_plugins()
    {
        foreach (var specification in new[] { "wobble", "wobble(1, 2)", "", "easeInWobble", "ease-in-wobble", "bezier(0, 0, 1, 1)" })
            Assert.All(EasingLookup.Providers, p => Assert.Null(p.Resolve(specification)));
    }

    [Theory]
    [InlineData("EASEINOUTSINE", "easeInOutSine")]
    [InlineData("  ease-in-out-back ", "easeInOutBack")]
    [InlineData("Ease-Out-Bounce", "easeOutBounce")]
    [InlineData("EASE-IN", "ease-in")]
    [InlineData(" Cubic-Bezier( 0.42 ,0,  1 , 1 ) ", "cubic-bezier(0.42, 0, 1, 1)")]
    [InlineData("STEPS( 4 , Jump-None )", "steps(4, jump-none)")]
    [InlineData("steps(3,start)", "steps(3, jump-start)")]
    [InlineData("Spring", "spring(1, 100, 10, 0)")]
    [InlineData("spring(2)", "spring(2, 100, 10, 0)")]
    [InlineData("spring( 1 , 170 , 26 , 0.5 )", "spring(1, 170, 26, 0.5)")]
    public void Names_are_case_insensitive_and_spaces_are_ignored(string written, string canonical)
    {
        Assert.Equal(canonical, EasingLookup.Resolve(written).Name);
    }
}
