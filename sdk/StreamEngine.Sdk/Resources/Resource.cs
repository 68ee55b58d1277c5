namespace StreamEngine.Sdk.Resources;

/// <summary>Where a resource is in its life.</summary>
public enum ResourceStatus
{
    /// <summary>Being read, downloaded or decoded off the frame thread.</summary>
    Loading,

    /// <summary>Loaded: <see cref="Resource{T}.Value"/> is set.</summary>
    Ready,

    /// <summary>Cannot be loaded: <see cref="Resource{T}.Error"/> says why.</summary>
    Failed,
}

/// <summary>The answer of the <see cref="IResourceCache"/>: a value, a load in progress, or the reason it failed.</summary>
/// <param name="Status">Whether the value is there.</param>
/// <param name="Value">The resource when <see cref="ResourceStatus.Ready"/>.</param>
/// <param name="Error">Why it failed, when <see cref="ResourceStatus.Failed"/>, naming the source.</param>
public readonly record struct Resource<T>(ResourceStatus Status, T? Value, string? Error) where T : class
{
    /// <summary>A resource that is still loading.</summary>
    public static Resource<T> Loading => new(ResourceStatus.Loading, null, null);

    /// <summary>A loaded resource.</summary>
    public static Resource<T> Ready(T value) => new(ResourceStatus.Ready, value, null);

    /// <summary>A resource that cannot be loaded, and why.</summary>
    public static Resource<T> Failed(string error) => new(ResourceStatus.Failed, null, error);

    /// <summary>The value, or an exception carrying the error (the compositor shows it as the layer's error placeholder).</summary>
    public T? ValueOrThrow() => Status == ResourceStatus.Failed ? throw new InvalidDataException(Error) : Value;
}
