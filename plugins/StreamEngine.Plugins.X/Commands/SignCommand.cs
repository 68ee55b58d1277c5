namespace StreamEngine.Plugins.X.Commands;

/// <summary>
/// <c>x sign --method M --url URL [--param k=v]... --consumer-key K --consumer-secret S [--token T --token-secret TS]
/// --nonce N --timestamp TS</c>: prints the signature base string and the Authorization header, so a user whose
/// request X rejects can compare with what their tool sent. Secrets go into the HMAC only; they are never printed.
/// </summary>
public static class SignCommand
{
    public const string Usage = "usage: x sign --method M --url URL [--param k=v]... --consumer-key K --consumer-secret S "
        + "[--token T --token-secret TS] --nonce N --timestamp TS";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var values = new Dictionary<string, string>();
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count) return Fail(errors, $"'{name}' needs a value. {Usage}");
            var value = args[++i];
            if (name == "--param")
            {
                var at = value.IndexOf('=');
                if (at <= 0) return Fail(errors, $"--param '{value}' is not k=v.");
                parameters.Add(new(value[..at], value[(at + 1)..]));
            }
            else if (name is "--method" or "--url" or "--consumer-key" or "--consumer-secret" or "--token" or "--token-secret" or "--nonce" or "--timestamp")
                values[name] = value;
            else return Fail(errors, $"unknown option '{name}'. {Usage}");
        }
        foreach (var required in new[] { "--method", "--url", "--consumer-key", "--consumer-secret", "--nonce", "--timestamp" })
            if (!values.ContainsKey(required)) return Fail(errors, $"{required} is required. {Usage}");
        if (values.ContainsKey("--token") != values.ContainsKey("--token-secret")) return Fail(errors, "--token and --token-secret go together.");
        if (!Uri.TryCreate(values["--url"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return Fail(errors, $"--url '{values["--url"]}' is not an absolute http(s) URL.");
        if (!long.TryParse(values["--timestamp"], out var ts) || ts < 0) return Fail(errors, "--timestamp is seconds since 1970 (digits).");

        var credentials = new Auth.OAuth1Credentials(values["--consumer-key"], values["--consumer-secret"],
            values.GetValueOrDefault("--token"), values.GetValueOrDefault("--token-secret"));
        var signed = Auth.OAuth1Signer.Sign(values["--method"], url, parameters, credentials, values["--nonce"], ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine("Signature base string:");
        output.WriteLine(signed.BaseString);
        output.WriteLine("Authorization header:");
        output.WriteLine("Authorization: " + signed.AuthorizationHeader);
        return 0;
    }

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine("x sign: " + message);
        return 2;
    }
}
