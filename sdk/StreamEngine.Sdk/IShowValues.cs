using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Sdk;

/// <summary>
/// Named values that plugins share within one show: one publishes (the auctioneer its live lot as <c>auction.lot</c>),
/// others read (the simulated audience bids on that price), so neither holds the other's types and each reloads on
/// its own. A value is kept for the run only (not saved); its publisher removes it when it stops. Any thread.
/// </summary>
public interface IShowValues
{
    /// <summary>Publishes a value under a name (a copy is kept), or removes it with null.</summary>
    /// <param name="name">The value's name, <c>plugin.thing</c> by convention; 1 to 64 letters, digits, <c>.</c>, <c>_</c> or <c>-</c>.</param>
    /// <param name="value">The value, or null to remove it.</param>
    void Publish(string name, JsonNode? value);

    /// <summary>The value published under a name (immutable, safe to keep), or null when none is.</summary>
    /// <param name="name">The value's name.</param>
    JsonElement? Read(string name);
}
