namespace StreamEngine.Scripting;

public enum ScriptLanguage { JavaScript, CSharp }
