# Multi-stage build: the SDK publishes src/SmpShade.Api the same way the README does,
# the runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig SmpShade.sln ./
COPY src/ src/
COPY data/ data/
RUN dotnet publish src/SmpShade.Api -c Release -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__DataDirectory=/app/App_Data
RUN mkdir -p /app/App_Data && chown -R $APP_UID /app/App_Data
USER $APP_UID
EXPOSE 8080
VOLUME /app/App_Data
ENTRYPOINT ["dotnet", "SmpShade.Api.dll"]
