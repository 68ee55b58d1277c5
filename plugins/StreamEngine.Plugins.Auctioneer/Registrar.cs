using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>The plugin contributes one show behaviour: the auctioneer.</summary>
public sealed class Registrar : IPluginRegistrar
{
    public void Register(IPluginRegistry registry) => registry.AddBehaviour(new AuctioneerBehaviour());
}
