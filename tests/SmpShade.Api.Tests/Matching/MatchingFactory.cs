using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Catalogue;
using SmpShade.Api.Matching;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Colour;

namespace SmpShade.Api.Tests.Matching;

/// <summary>The service with a small known catalogue in memory in place of the database's.</summary>
public sealed class MatchingFactory : SmpShadeFactory
{
    /// <summary>acme v1 (4 pigments, default ladder), acme v2 (5, one with its own ladder), bravo v1 (a supplied spectrum).</summary>
    public static readonly CataloguePigment[] Pigments =
    [
        new("acme", 1, "A-BLK", "Carbon Black", PigmentBase.Carbon, new Lab(22, 0.3, -0.5), [], null),
        new("acme", 1, "A-DBR", "Dark Brown", PigmentBase.IronOxide, new Lab(30, 8, 12), [], null),
        new("acme", 1, "A-MBR", "Medium Brown", PigmentBase.IronOxide, new Lab(45, 10, 18), [], null),
        new("acme", 1, "A-GRY", "Cool Grey", PigmentBase.Carbon, new Lab(38, 0, -2), [], null),
        new("acme", 2, "A-BLK", "Carbon Black", PigmentBase.Carbon, new Lab(22, 0.3, -0.5), [], null),
        new("acme", 2, "A-DBR", "Dark Brown", PigmentBase.IronOxide, new Lab(30, 8, 12), [], null),
        new("acme", 2, "A-MBR", "Medium Brown", PigmentBase.IronOxide, new Lab(45, 10, 18), [], null),
        new("acme", 2, "A-GRY", "Cool Grey", PigmentBase.Carbon, new Lab(38, 0, -2), [], null),
        new("acme", 2, "A-ASH", "Ash Blonde", PigmentBase.Organic, new Lab(55, 4, 14), [0, 2, 5], null),
        new("bravo", 1, "B-01", "Deep Espresso", PigmentBase.Mixed, new Lab(26, 5, 6), [],
            [.. Enumerable.Range(0, 31).Select(i => 0.03 + 0.002 * i)]),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IPigmentSource>(new TestPigmentSource(new InMemoryPigmentSource(Pigments))));
    }

    /// <summary>Adds a supplier <c>hollow</c> whose only version holds no pigments.</summary>
    private sealed class TestPigmentSource(InMemoryPigmentSource inner) : IPigmentSource
    {
        public Task<PigmentSet> GetAsync(string? supplier, int? version, CancellationToken cancellationToken) =>
            supplier == "hollow"
                ? Task.FromResult(new PigmentSet([new CatalogueRef("hollow", 1)], []))
                : inner.GetAsync(supplier, version, cancellationToken);

        public Task<long> GetFingerprintAsync(CancellationToken cancellationToken) => inner.GetFingerprintAsync(cancellationToken);
    }
}

[CollectionDefinition(Name)]
public sealed class MatchingApi : ICollectionFixture<MatchingFactory>
{
    public const string Name = "matching";
}
