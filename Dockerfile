# StreamEngine: one show per container (docs/operations.md, "Docker").
#   docker run --rm -p 127.0.0.1:4200:4200 -e API_TOKEN=… -v ./show:/show:ro stream-engine
# The base images are required build arguments (the .NET 10 SDK and ASP.NET runtime images from the registry you use):
#   docker build --build-arg SDK_IMAGE=<registry>/dotnet/sdk:10.0 --build-arg RUNTIME_IMAGE=<registry>/dotnet/aspnet:10.0 -t stream-engine .
ARG SDK_IMAGE
ARG RUNTIME_IMAGE

# Build: the engine and every plugin in Release, exactly as ./stream-engine build lays them out (.build/bin, .build/plugins).
FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN ./stream-engine build

# Run: the ASP.NET Core runtime, ffmpeg, fonts for text in any script with colour emoji, util-linux (setsid and
# setpriv keep ffmpeg children tied to the engine), curl for the health check. No SDK, no sources.
FROM ${RUNTIME_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ffmpeg fonts-dejavu-core fonts-noto-core fonts-noto-color-emoji util-linux curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/stream-engine --create-home stream-engine
COPY --from=build /src/.build/bin /opt/stream-engine/bin
COPY --from=build /src/.build/plugins /opt/stream-engine/plugins
COPY --from=build /src/samples /opt/stream-engine/samples

# Listen on every interface of the container (publish only what should be reached, and set API_TOKEN);
# keep the show's state and recordings in the volume.
ENV STREAM_ENGINE_HOME=/opt/stream-engine \
    STREAM_ENGINE_PLUGINS=/opt/stream-engine/plugins \
    STREAM_ENGINE_DATA=/var/lib/stream-engine/data \
    RECORDINGS_DIR=/var/lib/stream-engine/recordings \
    BIND_ADDRESS=0.0.0.0 \
    LOG_FORMAT=json \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
USER stream-engine
WORKDIR /var/lib/stream-engine
VOLUME /var/lib/stream-engine
EXPOSE 4200 4201 4290 4291

# Ready means frames reach the encoder (503 after 2 s without one); the orchestrator restarts an unhealthy container.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${HEALTH_PORT:-4291}/health/ready" || exit 1

ENTRYPOINT ["dotnet", "/opt/stream-engine/bin/stream-engine.dll"]
CMD ["run", "--scene", "/opt/stream-engine/samples/hello/scene.json"]
