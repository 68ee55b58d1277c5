using StreamEngine.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StreamEngine.Sdk;

namespace StreamEngine.Server.Rest;

/// <summary>
/// The document at /openapi/v1.json: title, the REST port as server, tags, and the bearer scheme that changes need
/// (reads are open), so a client generated from it authenticates and calls the right address.
/// </summary>
internal static class OpenApiDescription
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Show", "The show, its frame statistics, plugins and scripts."),
        ("Layers", "The layers on screen, in the JSON shape of scene files."),
        ("Animations", "Animations and timelines, in the JSON shape of docs/animation.md."),
        ("Events", "Show events and chat, which scripts and triggers react to."),
        ("Outputs", "Where the stream goes: RTMP, SRT or files."),
    ];

    public static void AddTo(IServiceCollection services, ControlServerOptions server)
    {
        // Numbers are documented as the web JSON default reads them, "integer or string" (making them strict through the
        // HTTP JSON options slowed the first problem answers at stop by ~2 s, failing the 503-at-once test).
        services.AddOpenApi(options => Configure(options, server));
    }

    private static void Configure(OpenApiOptions options, ControlServerOptions server)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "StreamEngine control API",
                Version = "1",
                Description = "Drive a running show: layers, animations, events, chat, outputs. Errors are problem details (RFC 7807) naming the field.",
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            };
            document.Servers = [new OpenApiServer { Url = $"http://{server.BindAddress}:{server.Port}", Description = "this engine (PORT)" }];
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "API_TOKEN, as 'Authorization: Bearer TOKEN'. Without a configured token, changes are accepted from this machine only.",
                },
            };
            // Health and metrics listen on ports of their own: they are not part of this API.
            foreach (var path in document.Paths.Keys.Where(p => !p.StartsWith("/api/", StringComparison.Ordinal)).ToList()) document.Paths.Remove(path);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(LayerState)) schema.Required = new HashSet<string> { "id", "type" };
            if (context.JsonTypeInfo.Type == typeof(ProblemDetails))
                (schema.Properties ??= new Dictionary<string, IOpenApiSchema>())["field"] =
                    new OpenApiSchema { Type = JsonSchemaType.String, Description = "The input that is wrong, when there is one (for example props.text)." };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var changes = !HttpMethods.IsGet(context.Description.HttpMethod ?? "GET");
            operation.Security = changes
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] }]
                : [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        });
    }
}
