namespace StreamEngine.Sdk.Plugins;

/// <summary>
/// How a plugin says what it contributes. Implement it on one public class with a parameterless constructor; the
/// engine creates it once per loaded version of the plugin and calls <see cref="Register"/>. A plugin without a
/// registrar is scanned instead: every public class implementing an SDK contract (<see cref="ILayerType"/>,
/// <see cref="Animation.IEasing"/>, <see cref="Chat.IChatSourceType"/>, <see cref="Chat.IChatStage"/>,
/// <see cref="Behaviours.IShowBehaviour"/>, <see cref="Encoding.IEncoderType"/>, <see cref="Audio.IAudioSourceType"/>)
/// is created and registered.
/// </summary>
public interface IPluginRegistrar
{
    /// <summary>Adds the plugin's contributions. Throwing refuses this version of the plugin (a running version stays).</summary>
    /// <param name="registry">What the plugin adds its contributions to.</param>
    void Register(IPluginRegistry registry);
}
