using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using SmpShade.Api.Tests.Infrastructure;
using SmpShade.Api.Tests.Photos;
using Microsoft.Kiota.Http.HttpClientLibrary;
using SmpShade.Client;
using SmpShade.Client.Models;

namespace SmpShade.Api.Tests.Client;

/// <summary>
/// The three users through the C# client Kiota generates from the service's own OpenAPI document (see the test
/// project's GenerateSmpShadeClient target), against the service running on a port: what a clinic developer gets.
/// Each answer read through the client is compared with the same request's raw JSON, so a field the document
/// describes wrongly (name, type, nesting) fails here.
/// </summary>
public sealed class KiotaClientTests : IClassFixture<RunningService>
{
    private readonly RunningService service;

    public KiotaClientTests(RunningService service) => this.service = service;

    [Fact]
    public async Task A_practitioner_analyses_a_photo_and_matches_it_through_the_generated_client_multipart()
    {
        byte[] photo = PhotoFiles.Generated("scene.png");
        var options = Regions();

        var analysis = await service.Client().Api.V1.Analyses.PostAsync(PhotoForm(photo, options, match: null));

        // The same form sent by hand: the client must read what the service wrote.
        using var raw = await RawPhotoFormAsync("/api/v1/analyses", photo, PhotoFiles.SceneRegions, match: null);
        var hair = raw.RootElement.GetProperty("hair").GetProperty("lab");
        Assert.NotNull(analysis?.Hair?.Lab);
        Assert.Equal(hair.GetProperty("l").GetDouble(), analysis.Hair.Lab.L);
        Assert.Equal(hair.GetProperty("b").GetDouble(), analysis.Hair.Lab.B);
        Assert.Equal(raw.RootElement.GetProperty("skin").GetProperty("ita").GetDouble(), analysis.Skin!.Ita);
        Assert.Equal(ReferenceType.None, analysis.Reference!.Type);
        Assert.Contains(analysis.Warnings!, w => w.Code == "reference.none");

        // The match's photo form: photo + options + a match part. Kiota types one body per operation (JSON here), so
        // the form goes as a MultipartBody through the same generated builder, and the answer is read as the typed model.
        var adapter = service.Adapter();
        var matches = new SmpShadeClient(adapter).Api.V1.Matches;
        var request = matches.ToPostRequestInformation(new MatchRequest());
        request.Headers.Remove("Content-Type");
        request.SetContentFromParsable(adapter, "multipart/form-data", PhotoForm(photo, options, new MatchRequest { Mode = MatchMode.Hair, Top = 3 }));
        var match = await adapter.SendAsync(request, MatchResponse.CreateFromDiscriminatorValue, ProblemMapping);
        Assert.NotNull(match?.Candidates);
        Assert.Equal(3, match.Candidates.Count);
        Assert.Equal(analysis.Hair.Lab.L, match.Target!.L); // mode hair: the target is the photo's measured hair
        Assert.Equal(analysis.Hair.Lab.L, match.Analysis!.Hair!.Lab!.L);
        Assert.True(match.Candidates.Zip(match.Candidates.Skip(1)).All(p => p.First.Score <= p.Second.Score), "candidates are ranked by score");
    }

    [Fact]
    public async Task A_clinic_matches_measured_colours_as_json_and_records_the_outcome_with_its_key()
    {
        var admin = service.Client(TestKeys.Admin);
        var issued = await admin.Api.V1.Keys.PostAsync(new CreateKeyRequest { Role = KeyRole.Clinic, Name = "Kiota clinic" });
        Assert.StartsWith("smp_", issued!.Key, StringComparison.Ordinal);
        var clinic = service.Client(issued.Key);

        var request = new MatchRequest
        {
            SkinLab = new LabInput { L = 62, A = 9, B = 17 }, HairLab = new LabInput { L = 45, A = 6, B = 12 }, Mode = MatchMode.Hair, Top = 5,
        };
        var match = await clinic.Api.V1.Matches.PostAsync(request);
        using var raw = await RawJsonAsync("/api/v1/matches", """{"skinLab": {"l": 62, "a": 9, "b": 17}, "hairLab": {"l": 45, "a": 6, "b": 12}, "mode": "hair", "top": 5}""");
        var first = raw.RootElement.GetProperty("candidates")[0];
        Assert.Equal(5, match!.Candidates!.Count);
        Assert.Equal(first.GetProperty("pigment").GetProperty("sku").GetString(), match.Candidates[0].Pigment!.Sku);
        Assert.Equal(first.GetProperty("deltaE00").GetDouble(), match.Candidates[0].DeltaE00);
        Assert.Equal(first.GetProperty("waterParts").GetDouble(), match.Candidates[0].WaterParts);

        var best = match.Candidates[0];
        var stored = await clinic.Api.V1.Outcomes.PostAsync(new OutcomeRequest
        {
            Supplier = best.Pigment!.Supplier, Sku = best.Pigment.Sku, WaterParts = best.WaterParts, MonthsSinceTreatment = 6,
            SkinLab = new LabInput { L = 62, A = 9, B = 17 }, HealedLab = new LabInput { L = 47.5, A = 6.5, B = 9.0 },
        });
        Assert.Equal(best.Pigment.Sku, stored!.Sku);
        Assert.Equal("clinic", stored.Source);
        Assert.NotNull(stored.Physics?.DeltaE00);
        var read = await clinic.Api.V1.Outcomes[stored.Id!.Value].GetAsync();
        Assert.Equal(stored.Id, read!.Id);
        Assert.Equal(47.5, read.HealedLab!.L);
    }

    [Fact]
    public async Task The_fixed_vocabularies_reach_the_client_as_its_generated_enums_spelt_as_the_service_writes_them()
    {
        // Kiota reads a string its enum does not list as null, so each non-null enum below is a value the service wrote
        // that the document lists; each is also compared with the raw JSON's spelling through the enum's EnumMember.
        byte[] photo = PhotoFiles.Generated("scene.png");
        var analysis = await service.Client().Api.V1.Analyses.PostAsync(PhotoForm(photo, Regions(), match: null));
        using var rawAnalysis = await RawPhotoFormAsync("/api/v1/analyses", photo, PhotoFiles.SceneRegions, match: null);
        Assert.Equal(ReferenceType.None, analysis!.Reference!.Type);
        Assert.NotNull(analysis.Skin!.ItaCategory);
        Assert.Equal(rawAnalysis.RootElement.GetProperty("skin").GetProperty("itaCategory").GetString(), Wire(analysis.Skin.ItaCategory.Value));

        // The analysis answer's reference type goes into the match request as it is: one enum type for both.
        var request = new MatchRequest
        {
            SkinLab = new LabInput { L = 62, A = 9, B = 17 }, TargetLab = new LabInput { L = 40, A = 5, B = 8 },
            Mode = MatchMode.Custom, Top = 10, SkinReference = analysis.Reference.Type,
        };
        var match = await service.Client().Api.V1.Matches.PostAsync(request);
        using var rawMatch = await RawJsonAsync("/api/v1/matches",
            """{"skinLab": {"l": 62, "a": 9, "b": 17}, "targetLab": {"l": 40, "a": 5, "b": 8}, "mode": "custom", "top": 10, "skinReference": "none"}""");
        Assert.Equal(MatchMode.Custom, match!.Mode);
        Assert.Equal(rawMatch.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("tier").GetString()),
            match.Candidates!.Select(c => c.Tier is { } tier ? Wire(tier) : null));
        Assert.Equal(rawMatch.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("pigment").GetProperty("base").GetString()),
            match.Candidates!.Select(c => c.Pigment!.Base is { } b ? Wire(b) : null));

        // A query parameter with a vocabulary is typed too: the sample catalogue's iron-oxide pigments only.
        var pigments = await service.Client().Api.V1.Suppliers["sample"].Pigments.GetAsync(c => c.QueryParameters.Base = PigmentBase.IronOxide);
        Assert.NotEmpty(pigments!.Items!);
        Assert.All(pigments.Items!, p => Assert.Equal(PigmentBase.IronOxide, p.Base));
    }

    [Fact]
    public async Task A_supplier_imports_its_catalogue_as_csv_and_as_json_with_its_key()
    {
        var admin = service.Client(TestKeys.Admin);
        var issued = await admin.Api.V1.Keys.PostAsync(new CreateKeyRequest { Role = KeyRole.Supplier, Supplier = "kiota-acme", Name = "Kiota uploads" });
        var supplier = service.Client(issued!.Key);
        var catalogue = supplier.Api.V1.Suppliers["kiota-acme"].Catalogue;

        // CSV: the generated builder makes the request (URL, key, specular); the body is the file, as text/csv.
        var first = await ImportCsvAsync(service.Adapter(issued.Key), catalogue, """
            sku,name,line,l,a,b,illuminant,observer,base,water_parts
            NOIR-01,Noir Jet,Noir,24.70,-0.07,-0.64,D50,2,carbon,0;1;3;6;12;20
            TERRA-02,Terra Dark Umber,Terra,32.04,6.78,11.51,D50,2,iron-oxide,0;1;3;6;12;20
            """);
        Assert.Equal(1, first!.Version);
        Assert.Equal(2, first.Pigments);
        Assert.Equal(SpecularComponent.Excluded, first.SpecularComponent);

        // JSON: the generated model, as the client's typed PutAsync sends it.
        var second = await catalogue.PutAsync(new CatalogueJson
        {
            Illuminant = CatalogueIlluminant.D65, Observer = 2,
            Pigments = [new CatalogueJsonPigment { Sku = "UMBER-3", Name = "Umber", Base = PigmentBase.IronOxide, Lab = new LabValue { L = 30, A = 8, B = 14 }, WaterParts = [0, 3, 6] }],
        });
        Assert.Equal(2, second!.Version);
        Assert.Equal(1, second.Pigments);
        Assert.Equal(SpecularComponent.Included, second.SpecularComponent);

        var pigments = await supplier.Api.V1.Suppliers["kiota-acme"].Pigments.GetAsync(c => c.QueryParameters.Version = 1);
        Assert.Equal(["NOIR-01", "TERRA-02"], pigments!.Items!.Select(p => p.Sku).Order());
    }

    [Fact]
    public async Task A_refused_request_reaches_the_client_as_a_problem_whose_code_and_row_errors_it_reads()
    {
        var admin = service.Client(TestKeys.Admin);
        var issued = await admin.Api.V1.Keys.PostAsync(new CreateKeyRequest { Role = KeyRole.Supplier, Supplier = "kiota-own", Name = "Kiota own" });
        var supplier = service.Client(issued!.Key);

        // Another supplier's catalogue: 403 auth.forbidden.
        var forbidden = await Assert.ThrowsAsync<ProblemDetails>(() => supplier.Api.V1.Suppliers["someone-else"].Catalogue.PutAsync(OnePigment(l: 30)));
        Assert.Equal(403, forbidden.ResponseStatusCode);
        Assert.Equal("auth.forbidden", forbidden.Code);

        // A bad row: 422 catalogue.row_invalid with every {row, column, reason}; nothing stored.
        var invalid = await Assert.ThrowsAsync<ProblemDetails>(() => supplier.Api.V1.Suppliers["kiota-own"].Catalogue.PutAsync(OnePigment(l: 130)));
        Assert.Equal(422, invalid.ResponseStatusCode);
        Assert.Equal("catalogue.row_invalid", invalid.Code);
        var error = Assert.Single(invalid.Errors!);
        Assert.Equal(1, error.Row);
        Assert.Equal("l", error.Column);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));

        // A match out of range: 400 with the field at fault.
        var badMatch = await Assert.ThrowsAsync<ProblemDetails>(() => service.Client().Api.V1.Matches.PostAsync(new MatchRequest
        {
            SkinLab = new LabInput { L = 62, A = 9, B = 17 }, HairLab = new LabInput { L = 45, A = 6, B = 12 }, Top = 0,
        }));
        Assert.Equal("match.top_out_of_range", badMatch.Code);
    }

    /// <summary>A generated enum member's wire spelling (its EnumMember value).</summary>
    private static string? Wire<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())!.GetCustomAttributes(typeof(EnumMemberAttribute), false).OfType<EnumMemberAttribute>().Single().Value;

    /// <summary>Every error status read as the document's problem body (what the generated methods do per status).</summary>
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ProblemMapping = new() { ["XXX"] = ProblemDetails.CreateFromDiscriminatorValue };

    private static CatalogueJson OnePigment(double l) => new()
    {
        Illuminant = CatalogueIlluminant.D65,
        Pigments = [new CatalogueJsonPigment { Sku = "ONE", Name = "One", Base = PigmentBase.Carbon, Lab = new LabValue { L = l, A = 0, B = 0 }, WaterParts = [0] }],
    };

    private static SmpShade.Client.Models.AnalysisOptions Regions() => new()
    {
        // PhotoFiles.SceneRegions, typed: strands at x 26–230, y 12–111 of the 256×256 scene.
        Regions = new RegionsSpec
        {
            Hair = new RegionSpec { Rect = [0.125, 0.06, 0.75, 0.38] },
            Skin = new RegionSpec { Rect = [0.05, 0.6, 0.5, 0.35] },
        },
    };

    private static MultipartBody PhotoForm(byte[] photo, IParsable options, IParsable? match)
    {
        var body = new MultipartBody();
        body.AddOrReplacePart("photo", "image/png", new MemoryStream(photo), "scene.png");
        body.AddOrReplacePart("options", "application/json", options);
        if (match is not null)
        {
            body.AddOrReplacePart("match", "application/json", match);
        }

        return body;
    }

    private static async Task<ImportResult?> ImportCsvAsync(HttpClientRequestAdapter adapter, SmpShade.Client.Api.V1.Suppliers.Item.Catalogue.CatalogueRequestBuilder builder, string csv)
    {
        // A CSV cannot say how it was measured: the typed query parameter does (specular=excluded, SCE).
        var request = builder.ToPutRequestInformation(new CatalogueJson(), c => c.QueryParameters.Specular = SpecularComponent.Excluded);
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "text/csv");
        return await adapter.SendAsync(request, ImportResult.CreateFromDiscriminatorValue, ProblemMapping);
    }

    private async Task<JsonDocument> RawPhotoFormAsync(string path, byte[] photo, string options, string? match)
    {
        using var http = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
        using var form = PhotoFiles.Form(photo, options, "scene.png");
        if (match is not null)
        {
            form.Add(new StringContent(match, Encoding.UTF8, "application/json"), "match");
        }

        var response = await http.PostAsync(new Uri(path, UriKind.Relative), form);
        return JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> RawJsonAsync(string path, string json)
    {
        using var http = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
        var response = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        return JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
    }
}
