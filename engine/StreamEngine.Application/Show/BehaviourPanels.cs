using StreamEngine.Sdk.Behaviours;

namespace StreamEngine.Application;

/// <summary>
/// Checks the panel a behaviour declares before the dashboard sees it: its state route and every action name one of
/// the behaviour's own routes, texts and counts are bounded, the refresh is finite. What does not pass is left out,
/// so a plugin's mistake costs its panel a button, never the page.
/// </summary>
internal static class BehaviourPanels
{
    private const int MaxFields = 24;
    private const int MaxActions = 12;
    private const int MaxText = 80;
    private static readonly string[] Formats = ["text", "number", "seconds", "list"];
    private static readonly string[] ChangeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The panel as the page may show it, or null when the behaviour has none (or a getter threw).</summary>
    public static BehaviourPanel? Checked(IShowBehaviour behaviour)
    {
        BehaviourPanel? panel;
        IReadOnlyList<BehaviourRoute> routes;
        try
        {
            panel = behaviour.Panel;
            routes = behaviour.Routes;
        }
        catch (Exception) { return null; } // plugin code: its panel is left out, the list still answers
        if (panel is null || !Serves(routes, "GET", panel.State)) return null;
        var fields = (panel.Fields ?? []).Where(f => f is not null && Text(f.Label) && Text(f.Path) && Formats.Contains(f.Format)).Take(MaxFields);
        var actions = (panel.Actions ?? []).Where(a => a is not null && Text(a.Label) && ChangeMethods.Contains(a.Method) && Serves(routes, a.Method, a.Path)
            && (a.Input is null || (Text(a.Input.Name) && Text(a.Input.Label) && a.Input.Type is "text" or "number"))).Take(MaxActions);
        var refresh = double.IsFinite(panel.RefreshSeconds) ? Math.Clamp(panel.RefreshSeconds, 0.25, 60) : 1;
        return new BehaviourPanel(Text(panel.Title) ? panel.Title : behaviour.Id, panel.State, [.. fields],
            [.. actions.Select(a => a with { Body = (System.Text.Json.Nodes.JsonObject?)a.Body?.DeepClone() })]) { RefreshSeconds = refresh };
    }

    private static bool Serves(IReadOnlyList<BehaviourRoute> routes, string method, string? path) =>
        path is { Length: > 0 and <= 200 } && routes.Any(r => r.Method == method && r.Path == path);

    private static bool Text(string? text) => text is { Length: > 0 and <= MaxText } && !text.Any(char.IsControl);
}
