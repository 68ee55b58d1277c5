namespace StreamEngine.Scripting;

/// <summary>What a script slot runs: a script file, or a show behaviour from a plugin (it runs like a script).</summary>
public enum ScriptLanguage { JavaScript, CSharp, Behaviour }
