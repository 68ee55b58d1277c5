using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Css;

/// <summary>Where the jumps of a <c>steps()</c> easing fall (CSS Easing Functions Level 1).</summary>
internal enum StepPosition
{
    JumpStart,
    JumpEnd,
    JumpNone,
    JumpBoth,
}

/// <summary>
/// A CSS step easing, <c>steps(n, position)</c>, computed as the specification's step algorithm with the
/// "before flag" false: an animation playing forwards sits on the later step at a step boundary.
/// </summary>
internal sealed class StepsEasing : IEasing
{
    private readonly int _steps;
    private readonly StepPosition _position;

    /// <remarks>The provider checks n ≥ 1, and n ≥ 2 for jump-none.</remarks>
    public StepsEasing(string name, int steps, StepPosition position)
    {
        Name = name;
        _steps = steps;
        _position = position;
    }

    public string Name { get; }

    public double Ease(double t)
    {
        var step = Math.Floor(t * _steps);
        if (_position is StepPosition.JumpStart or StepPosition.JumpBoth)
            step++;
        if (t >= 0 && step < 0)
            step = 0;
        var jumps = _position switch
        {
            StepPosition.JumpNone => _steps - 1,
            StepPosition.JumpBoth => _steps + 1,
            _ => _steps,
        };
        if (t <= 1 && step > jumps)
            step = jumps;
        return step / jumps;
    }
}
