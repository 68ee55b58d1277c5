namespace StreamEngine.Server.WebSocket;

/// <summary>
/// The <c>requestStatus.code</c> of a response. The numbers are those of obs-websocket v5, except
/// <see cref="NotAuthorized"/>, which obs-websocket does not have.
/// </summary>
public enum RequestStatus
{
    Success = 100,

    /// <summary>
    /// StreamEngine only: the change is applied (on screen) but not yet saved — the state store is unavailable, or the
    /// engine stopped first; the comment says why. <c>result</c> is true and <c>responseData</c> is as on success.
    /// </summary>
    AppliedNotSaved = 101,

    /// <summary>The request has no <c>requestType</c> string.</summary>
    MissingRequestType = 203,

    /// <summary>No request of that type exists.</summary>
    UnknownRequestType = 204,

    /// <summary>The request cannot run in this kind of batch (<c>Sleep</c> outside a serial batch).</summary>
    UnsupportedRequestBatchExecutionType = 206,

    /// <summary>The show cannot do it right now (for example, still starting).</summary>
    NotReady = 207,

    /// <summary>StreamEngine only: a mutating request from a non-loopback client while no password is configured.</summary>
    NotAuthorized = 208,

    /// <summary>
    /// StreamEngine only: the client sent more requests than its rate allows (WS_REQUESTS_PER_SECOND, default 100 a second
    /// after a burst of 200); the request was not run. The session reads nothing more until the rate allows one again.
    /// </summary>
    TooManyRequests = 209,

    /// <summary>A required field of <c>requestData</c> is missing; the comment names it.</summary>
    MissingRequestField = 300,

    /// <summary>A field is invalid; the comment names it and says what was expected.</summary>
    InvalidRequestField = 400,

    /// <summary>A field has the wrong JSON type; the comment names it.</summary>
    InvalidRequestFieldType = 401,

    /// <summary>A number is outside its allowed range; the comment names it and the range.</summary>
    RequestFieldOutOfRange = 402,

    /// <summary>A string or array is empty and cannot be.</summary>
    RequestFieldEmpty = 403,

    /// <summary>The layer, animation or output does not exist.</summary>
    ResourceNotFound = 600,

    /// <summary>A layer or output with that id already exists, or the request conflicts with the show's state.</summary>
    ResourceAlreadyExists = 601,

    /// <summary>The engine failed unexpectedly; details are in the engine log, not in the response.</summary>
    RequestProcessingFailed = 702,
}
