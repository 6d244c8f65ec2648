using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Matching;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Outcomes;

/// <summary>
/// The service with the synthetic pigments as supplier <c>synth</c>: imported into the database (outcomes resolve
/// pigments there) and given to matching as its pigment source.
/// </summary>
public class OutcomesFactory : SmpShadeFactory
{
    private readonly SemaphoreSlim once = new(1, 1);
    private bool imported;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPigmentSource>(new InMemoryPigmentSource(
            SyntheticOutcomes.Pigments)));
    }

    /// <summary>An admin client.</summary>
    public HttpClient Admin() => WithKey(TestKeys.Admin);

    /// <summary>A client sending <paramref name="key"/>.</summary>
    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Issues a key of <paramref name="role"/> (a supplier key is bound to <c>synth</c>).</summary>
    public async Task<string> IssueKeyAsync(string role)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/keys", new { role, supplier = role == "supplier" ? "synth" : null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>The id (not the secret) of the configured bootstrap admin key, as the keys list shows it.</summary>
    public async Task<string> AdminKeyIdAsync()
    {
        using var admin = Admin();
        using var keys = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/keys"));
        return keys.RootElement.GetProperty("items").EnumerateArray()
            .Single(k => k.GetProperty("name").GetString() == "bootstrap admin (configured)").GetProperty("id").GetString()!;
    }

    /// <summary>Imports the synthetic pigments (Lab given under D65, so stored unchanged) as <c>synth</c> version 1, once.</summary>
    public async Task EnsureCatalogueAsync()
    {
        await once.WaitAsync();
        try
        {
            if (imported)
            {
                return;
            }

            var csv = new StringBuilder("sku,name,base,l,a,b,illuminant,observer,water_parts\n");
            foreach (var p in SyntheticOutcomes.Pigments)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{p.Sku},{p.Sku},carbon,{p.Lab.L},{p.Lab.A},{p.Lab.B},D65,2,0;1;2;3\n");
            }

            using var admin = Admin();
            var response = await admin.PutAsync("/api/v1/suppliers/synth/catalogue", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            imported = true;
        }
        finally
        {
            once.Release();
        }
    }

    /// <summary>The JSON body of an outcome.</summary>
    public static object Body(SyntheticOutcome o, int? catalogueVersion = 1, string? notes = null) => new
    {
        supplier = o.Pigment.Supplier,
        sku = o.Pigment.Sku,
        catalogueVersion,
        waterParts = o.WaterParts,
        skinLab = new { l = o.Skin.L, a = o.Skin.A, b = o.Skin.B },
        monthsSinceTreatment = o.Months,
        healedLab = new { l = o.Healed.L, a = o.Healed.A, b = o.Healed.B },
        notes,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            once.Dispose();
        }

        base.Dispose(disposing);
    }
}

[CollectionDefinition(Name)]
public sealed class OutcomesApi : ICollectionFixture<OutcomesFactory>
{
    public const string Name = "outcomes";
}
