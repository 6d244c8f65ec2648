# Multi-stage build: the SDK publishes src/SmpShade.Api the same way the README does,
# the runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm: the build restores MediaPipe's models from the npm registry (src/SmpShade.Api/Photos/People/MediaPipeModels.targets).
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig SmpShade.sln ./
COPY src/ src/
COPY data/ data/
RUN dotnet publish src/SmpShade.Api -c Release -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# OpenCV's native library (people finding) links GTK 3: Debian's libgtk-3-0 (renamed libgtk-3-0t64 on newer bases).
RUN apt-get update && (DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libgtk-3-0 \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libgtk-3-0t64) && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__DataDirectory=/app/App_Data
RUN mkdir -p /app/App_Data && chown -R $APP_UID /app/App_Data
USER $APP_UID
EXPOSE 8080
VOLUME /app/App_Data
ENTRYPOINT ["dotnet", "SmpShade.Api.dll"]
