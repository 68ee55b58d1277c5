namespace StreamEngine.Plugins.Auctioneer;

public sealed class AuctioneerBehaviour : StreamEngine.Sdk.Behaviours.IShowBehaviour
{
    public string Id => "auctioneer";
    public IReadOnlyList<StreamEngine.Sdk.Behaviours.BehaviourRoute> Routes => [];
    public void Start(StreamEngine.Sdk.Behaviours.IBehaviourContext context) { }
    public System.Text.Json.Nodes.JsonNode? Call(string method, System.Text.Json.Nodes.JsonNode? argument) => null;
    public void Dispose() { }
}
