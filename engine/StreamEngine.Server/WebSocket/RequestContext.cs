namespace StreamEngine.Server.WebSocket;

/// <summary>What a request may do: whether it may change the show, and in which kind of batch it runs.</summary>
internal sealed record RequestContext(bool MayMutate, RequestBatchExecutionType ExecutionType, CancellationToken Cancellation);
