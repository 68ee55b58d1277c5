using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Css;

/// <summary>
/// CSS step easings: <c>steps(n)</c> and <c>steps(n, position)</c> with position <c>jump-start</c>, <c>jump-end</c>
/// (the default), <c>jump-none</c>, <c>jump-both</c>, or the older <c>start</c> and <c>end</c>; and the keywords
/// <c>step-start</c> (<c>steps(1, jump-start)</c>) and <c>step-end</c> (<c>steps(1, jump-end)</c>).
/// </summary>
public sealed class StepsProvider : IEasingProvider
{
    private const string Usage = "steps(n) or steps(n, jump-start|jump-end|jump-none|jump-both|start|end)";

    public IEasing? Resolve(string specification)
    {
        var spec = EasingSpecification.Parse(specification);
        switch (spec.Function)
        {
            case "steps":
                return FromArguments(spec);
            case "step-start":
                spec.RequireKeyword();
                return new StepsEasing(spec.Function, 1, StepPosition.JumpStart);
            case "step-end":
                spec.RequireKeyword();
                return new StepsEasing(spec.Function, 1, StepPosition.JumpEnd);
            default:
                return null;
        }
    }

    private static StepsEasing FromArguments(EasingSpecification spec)
    {
        var arguments = spec.Arguments(1, 2, Usage);
        var steps = spec.Integer(arguments[0], "the number of steps");
        var position = arguments.Count == 1 ? StepPosition.JumpEnd : arguments[1].ToLowerInvariant() switch
        {
            "jump-start" or "start" => StepPosition.JumpStart,
            "jump-end" or "end" => StepPosition.JumpEnd,
            "jump-none" => StepPosition.JumpNone,
            "jump-both" => StepPosition.JumpBoth,
            _ => throw spec.Error($"the step position must be jump-start, jump-end, jump-none, jump-both, start or end, got '{arguments[1]}'"),
        };
        if (position == StepPosition.JumpNone && steps < 2)
            throw spec.Error($"jump-none needs at least 2 steps, got {steps}");
        if (steps < 1)
            throw spec.Error($"the number of steps must be at least 1, got {steps}");
        return new StepsEasing($"steps({steps}, {Keyword(position)})", steps, position);
    }

    private static string Keyword(StepPosition position) => position switch
    {
        StepPosition.JumpStart => "jump-start",
        StepPosition.JumpNone => "jump-none",
        StepPosition.JumpBoth => "jump-both",
        _ => "jump-end",
    };
}
