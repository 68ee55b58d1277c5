namespace StreamEngine.Scripting.CSharp;

/// <summary>A compiled C# script: its assembly image and debug symbols (for line numbers in errors), and its entry point.</summary>
internal sealed class CSharpPrepared(string path, byte[] image, byte[] symbols, string entryType, string entryMethod)
    : PreparedScript(path, ScriptLanguage.CSharp)
{
    public byte[] Image { get; } = image;
    public byte[] Symbols { get; } = symbols;
    public string EntryType { get; } = entryType;
    public string EntryMethod { get; } = entryMethod;

    public override ScriptRuntime Instantiate(ScriptApi api, ScriptLimits limits) => new CSharpRuntime(this, api, limits);
}
