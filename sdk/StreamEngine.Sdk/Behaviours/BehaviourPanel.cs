using System.Text.Json.Nodes;

namespace StreamEngine.Sdk.Behaviours;

/// <summary>
/// A panel a behaviour adds to the producer's dashboard, described as data: no plugin code runs in the page (its
/// Content-Security-Policy allows only the engine's own scripts). The page reads <see cref="State"/> (one of the
/// behaviour's GET routes) every <see cref="RefreshSeconds"/> and whenever the behaviour publishes an event, shows the
/// <see cref="Fields"/> it names, and turns each of <see cref="Actions"/> into a button that calls one of its routes.
/// Fields and actions naming routes the behaviour does not serve are left out.
/// </summary>
/// <param name="Title">The panel's heading, for example <c>Auction</c>.</param>
/// <param name="State">The GET route (path under <c>/api/behaviours/{id}/</c>) whose JSON answer the fields read.</param>
/// <param name="Fields">What the panel shows, in order.</param>
/// <param name="Actions">The panel's buttons, in order.</param>
public sealed record BehaviourPanel(string Title, string State, IReadOnlyList<PanelField> Fields, IReadOnlyList<PanelAction> Actions)
{
    /// <summary>How often the page reads <see cref="State"/> again, 0.25 to 60 seconds; it also reads it on each of the behaviour's events.</summary>
    public double RefreshSeconds { get; init; } = 1;
}

/// <summary>One value of the state shown on a behaviour's panel.</summary>
/// <param name="Label">What the value is, for example <c>Leader</c>.</param>
/// <param name="Path">Where it is in the state's JSON: property names separated by dots (<c>lot.title</c>).</param>
/// <param name="Format">
/// How it is shown: <c>text</c> (the default), <c>number</c>, <c>seconds</c> (as m:ss, for a countdown) or <c>list</c>
/// (an array, one line per item, an object's values joined by " · ", newest last).
/// </param>
public sealed record PanelField(string Label, string Path, string Format = "text");

/// <summary>A button on a behaviour's panel that calls one of the behaviour's routes.</summary>
/// <param name="Label">The button's text, for example <c>Hammer</c>.</param>
/// <param name="Method">The route's method: <c>POST</c>, <c>PUT</c>, <c>PATCH</c> or <c>DELETE</c>.</param>
/// <param name="Path">The route's path under <c>/api/behaviours/{id}/</c>.</param>
/// <param name="Body">The JSON body sent (copied), or null for none.</param>
public sealed record PanelAction(string Label, string Method, string Path, JsonObject? Body = null)
{
    /// <summary>A value the producer types before pressing the button; it is sent as this property of the body.</summary>
    public PanelInput? Input { get; init; }
}

/// <summary>A value typed next to a panel's button and sent with it.</summary>
/// <param name="Name">The body's property it fills (<c>amount</c>).</param>
/// <param name="Label">What to type, shown in the field.</param>
/// <param name="Type"><c>text</c> or <c>number</c> (sent as a JSON number).</param>
public sealed record PanelInput(string Name, string Label, string Type = "text");
