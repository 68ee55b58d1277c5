namespace StreamEngine.Plugins.X.Api;

public sealed record XPost(string Id, string Text, string? AuthorId = null, string? ConversationId = null, string? InReplyToId = null);

public sealed record XUser(string Id, string Username, string Name, bool Verified);

/// <summary>One page of a recent search: newest first as X returns them, with the authors it expanded.</summary>
public sealed record XSearchPage(IReadOnlyList<XPost> Posts, IReadOnlyDictionary<string, XUser> Users, string? NewestId, string? NextToken);
