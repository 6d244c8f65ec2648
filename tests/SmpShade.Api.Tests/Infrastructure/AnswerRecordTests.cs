using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmpShade.Api.Photos;
using SmpShade.Api.Tests.Photos;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// A fixed script of requests (successes and every kind of refusal, across all features) whose answers (status, the
/// headers clients read, the whole JSON body) are recorded in <c>Answers/answers.json</c>. The file was first generated
/// from main at bc0a309, before the error-handling refactor of issue 11, so a refactor that changes any answer fails
/// here. A change that means to change answers regenerates the file (<c>SMPSHADE_WRITE_ANSWERS=1</c>), reviews the diff
/// and says so in its commit: <c>git log -- Answers/answers.json</c> lists every deliberate change since.
/// Answers whose numbers come from the healed-tone physics (matches, outcome predictions) are compared by shape and
/// text unless <c>SMPSHADE_ANSWERS_EXACT=1</c>, so a deliberate physics change does not have to rewrite them.
/// </summary>
public sealed class AnswerRecordTests : IDisposable
{
    private const string Regions = SceneRegionsWithCard;
    private const string SceneRegionsWithCard = """
        "regions": {"hair": {"rect": [0.53, 0.04, 0.44, 0.42]}, "skin": {"rect": [0.05, 0.5, 0.4, 0.4]},
                    "reference": {"rect": [0.54, 0.64, 0.17, 0.22]}}
        """;

    private const string Chart = """
        "reference": {"type": "colorChecker24", "corners": [[0.03125, 0.041667], [0.40625, 0.041667], [0.40625, 0.375], [0.03125, 0.375]]}
        """;

    private readonly AnswerFactory factory = new();
    private readonly List<JsonObject> answers = [];

    [Fact]
    public async Task The_answers_to_a_fixed_script_of_requests_are_the_recorded_ones()
    {
        await RunScriptAsync();
        string file = GoldenPath();
        var actual = new JsonArray([.. answers]);
        if (Environment.GetEnvironmentVariable("SMPSHADE_WRITE_ANSWERS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var expected = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsArray();
        bool exact = Environment.GetEnvironmentVariable("SMPSHADE_ANSWERS_EXACT") == "1";
        var differences = new List<string>();
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var want = expected[i]!.AsObject();
            var got = actual[i]!.AsObject();
            bool numbers = exact || want["physics"]?.GetValue<bool>() != true;
            Compare(want, got, $"[{i}] {want["name"]}", numbers, differences);
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private async Task RunScriptAsync()
    {
        using var anonymous = factory.CreateClient();
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Admin);

        byte[] scene = PhotoFiles.Generated("scene_sRGB_8.jpg");
        byte[] cast = CastScene();

        // Analyses.
        await RecordAsync("analysis, explicit regions", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(scene, PhotoFiles.SceneRegions)));
        await RecordAsync("analysis, grey card", anonymous,
            Post("/api/v1/analyses", PhotoFiles.Form(cast, "{" + Regions + ", \"reference\": {\"type\": \"greyCard\"}}", "scene.png")));
        await RecordAsync("analysis, colour chart", anonymous,
            Post("/api/v1/analyses", PhotoFiles.Form(cast, "{" + Regions + "," + Chart + "}", "scene.png")));
        await RecordAsync("analysis, chart on flat skin", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(cast,
            "{" + Regions + ", \"reference\": {\"type\": \"colorChecker24\", \"corners\": [[0.05, 0.55], [0.4, 0.55], [0.4, 0.9], [0.05, 0.9]]}}", "scene.png")));
        await RecordAsync("analysis, grey card on the hair", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(cast,
            """{"regions": {"hair": {"rect": [0.53, 0.04, 0.44, 0.42]}, "skin": {"rect": [0.05, 0.5, 0.4, 0.4]}, "reference": {"rect": [0.55, 0.05, 0.4, 0.4]}}, "reference": {"type": "greyCard"}}""",
            "scene.png")));
        await RecordAsync("analysis, grey card on the chart black patch", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(cast,
            """{"regions": {"hair": {"rect": [0.53, 0.04, 0.44, 0.42]}, "skin": {"rect": [0.05, 0.5, 0.4, 0.4]}, "reference": {"rect": [0.35, 0.3, 0.04, 0.06]}}, "reference": {"type": "greyCard"}}""",
            "scene.png")));
        await RecordAsync("analysis, JSON body", anonymous, Post("/api/v1/analyses", Json("{}")));
        await RecordAsync("analysis, no photo", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(null, PhotoFiles.SceneRegions)));
        await RecordAsync("analysis, not an image", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(Encoding.UTF8.GetBytes("not an image at all"))));
        await RecordAsync("analysis, options not JSON", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(scene, "{regions")));
        await RecordAsync("analysis, options unknown field", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(scene, """{"colour": 1}""")));
        await RecordAsync("analysis, region outside", anonymous,
            Post("/api/v1/analyses", PhotoFiles.Form(scene, """{"regions": {"hair": {"rect": [0.9, 0.9, 0.5, 0.5]}}}""")));
        await RecordAsync("analysis, photo over the limit", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(new byte[AnswerFactory.MaxPhotoBytes + 1])));
        await RecordAsync("analysis, options part over 64 KiB", anonymous,
            Post("/api/v1/analyses", PhotoFiles.Form(scene, "{\"x\": \"" + new string('a', 70_000) + "\"}")));
        var analyzer = factory.Services.GetRequiredService<PhotoAnalyzer>();
        using (analyzer.Reserve(CancellationToken.None))
        {
            await RecordAsync("analysis, every slot taken", anonymous, Post("/api/v1/analyses", PhotoFiles.Form(scene, PhotoFiles.SceneRegions)));
            await RecordAsync("match photo, every slot taken", anonymous, Post("/api/v1/matches", PhotoFiles.Form(scene, PhotoFiles.SceneRegions)));
        }

        // Matches.
        const string measured = """{"skinLab": {"l": 65, "a": 12, "b": 18}, "hairLab": {"l": 25, "a": 3, "b": 5}, "top": 3""";
        await RecordAsync("match, measured colours", anonymous, Post("/api/v1/matches", Json(measured + "}")), physics: true);
        await RecordAsync("match, blends and years", anonymous,
            Post("/api/v1/matches", Json(measured + """, "blends": true, "years": 5, "supplier": "sample", "catalogueVersion": 1}""")), physics: true);
        await RecordAsync("match, unknown supplier", anonymous, Post("/api/v1/matches", Json(measured + """, "supplier": "nobody"}""")));
        await RecordAsync("match, unknown version", anonymous,
            Post("/api/v1/matches", Json(measured + """, "supplier": "sample", "catalogueVersion": 9}""")));
        await RecordAsync("match, no skin", anonymous, Post("/api/v1/matches", Json("""{"hairLab": {"l": 25, "a": 3, "b": 5}}""")));
        await RecordAsync("match, top out of range", anonymous, Post("/api/v1/matches", Json(measured.Replace("\"top\": 3", "\"top\": 0", StringComparison.Ordinal) + "}")));
        await RecordAsync("match, malformed JSON", anonymous, Post("/api/v1/matches", Json("{\"skinLab\": ")));
        await RecordAsync("match, repeated key", anonymous,
            Post("/api/v1/matches", Json("""{"skinLab": {"l": 65, "a": 12, "b": 18}, "skinLab": {"l": 60, "a": 12, "b": 18}}""")));
        await RecordAsync("match, plain text", anonymous, Post("/api/v1/matches", new StringContent("skin 65 12 18")));
        var photoMatch = PhotoFiles.Form(scene, PhotoFiles.SceneRegions);
        photoMatch.Add(new StringContent("""{"top": 2}"""), "match");
        await RecordAsync("match, photo", anonymous, Post("/api/v1/matches", photoMatch), physics: true);
        var badPart = PhotoFiles.Form(scene, PhotoFiles.SceneRegions);
        badPart.Add(new StringContent("""{"top": "two"}"""), "match");
        await RecordAsync("match, photo with a bad match part", anonymous, Post("/api/v1/matches", badPart));
        var refusedPart = PhotoFiles.Form(scene, PhotoFiles.SceneRegions);
        refusedPart.Add(new StringContent("""{"mode": "custom"}"""), "match");
        await RecordAsync("match, photo, custom without target", anonymous, Post("/api/v1/matches", refusedPart));
        await RecordAsync("match, photo not an image", anonymous,
            Post("/api/v1/matches", PhotoFiles.Form(Encoding.UTF8.GetBytes("not an image at all"), PhotoFiles.SceneRegions)));

        // Outcomes.
        const string outcome = """{"supplier": "sample", "sku": "NOIR-01", "catalogueVersion": 1, "waterParts": 3, "skinLab": {"l": 62, "a": 12, "b": 17}, "monthsSinceTreatment": 6, "healedLab": {"l": 40, "a": 2, "b": 1}""";
        await RecordAsync("outcome, recorded", admin, Post("/api/v1/outcomes", Json(outcome + "}")), physics: true);
        await RecordAsync("outcome, no key", anonymous, Post("/api/v1/outcomes", Json(outcome + "}")));
        await RecordAsync("outcome, unknown supplier", admin, Post("/api/v1/outcomes", Json(outcome.Replace("\"sample\"", "\"nobody\"", StringComparison.Ordinal) + "}")));
        await RecordAsync("outcome, unknown sku", admin, Post("/api/v1/outcomes", Json(outcome.Replace("NOIR-01", "NOPE-99", StringComparison.Ordinal) + "}")));
        await RecordAsync("outcome, unknown version", admin,
            Post("/api/v1/outcomes", Json(outcome.Replace("\"catalogueVersion\": 1", "\"catalogueVersion\": 7", StringComparison.Ordinal) + "}")));
        await RecordAsync("outcome, months out of range", admin,
            Post("/api/v1/outcomes", Json(outcome.Replace("\"monthsSinceTreatment\": 6", "\"monthsSinceTreatment\": 6000", StringComparison.Ordinal) + "}")));
        await RecordAsync("outcome, malformed JSON", admin, Post("/api/v1/outcomes", Json("{\"supplier\": ")));
        await RecordAsync("outcome, plain text", admin, Post("/api/v1/outcomes", new StringContent("healed")));
        const string outcomePart = """{"supplier": "sample", "sku": "NOIR-01", "waterParts": 3, "monthsSinceTreatment": 6}""";
        var guessed = PhotoFiles.Form(scene, "{}");
        guessed.Add(new StringContent(outcomePart), "outcome");
        await RecordAsync("outcome photo, regions not marked", admin, Post("/api/v1/outcomes", guessed));
        var malformedPart = PhotoFiles.Form(scene, PhotoFiles.SceneRegions);
        malformedPart.Add(new StringContent("{\"supplier\": "), "outcome");
        await RecordAsync("outcome photo, malformed part", admin, Post("/api/v1/outcomes", malformedPart));
        var photoOutcome = PhotoFiles.Form(scene, PhotoFiles.SceneRegions);
        photoOutcome.Add(new StringContent(outcomePart), "outcome");
        await RecordAsync("outcome photo, recorded", admin, Post("/api/v1/outcomes", photoOutcome), physics: true);
        var missingSku = PhotoFiles.Form(scene, PhotoFiles.SceneRegions);
        missingSku.Add(new StringContent(outcomePart.Replace("NOIR-01", "NOPE-99", StringComparison.Ordinal)), "outcome");
        await RecordAsync("outcome photo, unknown sku", admin, Post("/api/v1/outcomes", missingSku));
        await RecordAsync("outcome photo, not an image", admin,
            Post("/api/v1/outcomes", WithPart(PhotoFiles.Form(Encoding.UTF8.GetBytes("not an image"), PhotoFiles.SceneRegions), "outcome", outcomePart)));
        await RecordAsync("outcomes, listed", admin, Get("/api/v1/outcomes?pageSize=5"), physics: true);
        await RecordAsync("outcomes, filtered", admin, Get("/api/v1/outcomes?supplier=sample&sku=NOIR-01&page=1&pageSize=1"), physics: true);
        await RecordAsync("outcomes, page 0", admin, Get("/api/v1/outcomes?page=0"));
        await RecordAsync("outcomes, page size 201", admin, Get("/api/v1/outcomes?pageSize=201"));
        await RecordAsync("outcomes, offset past int", admin, Get("/api/v1/outcomes?page=2147483647&pageSize=200"));
        await RecordAsync("outcome, one", admin, Get("/api/v1/outcomes/1"), physics: true);
        await RecordAsync("outcome, missing", admin, Get("/api/v1/outcomes/999"));

        // Healed-tone models.
        await RecordAsync("model, too few outcomes to train", admin, Post("/api/v1/models/healed-tone/train", null));
        await RecordAsync("models, listed", admin, Get("/api/v1/models/healed-tone"));

        // Catalogue reads.
        await RecordAsync("suppliers", anonymous, Get("/api/v1/suppliers"));
        await RecordAsync("pigments, a page", anonymous, Get("/api/v1/suppliers/sample/pigments?pageSize=2&page=2"));
        await RecordAsync("pigments, filtered", anonymous, Get("/api/v1/suppliers/sample/pigments?base=carbon&q=noir"));
        await RecordAsync("pigments, page 0", anonymous, Get("/api/v1/suppliers/sample/pigments?page=0"));
        await RecordAsync("pigments, page size 501", anonymous, Get("/api/v1/suppliers/sample/pigments?pageSize=501"));
        await RecordAsync("pigments, offset past int", anonymous, Get("/api/v1/suppliers/sample/pigments?page=2147483647&pageSize=500"));
        await RecordAsync("pigments, unknown base", anonymous, Get("/api/v1/suppliers/sample/pigments?base=glitter"));
        await RecordAsync("pigments, unknown supplier", anonymous, Get("/api/v1/suppliers/nobody/pigments"));
        await RecordAsync("pigments, unknown version", anonymous, Get("/api/v1/suppliers/sample/pigments?version=4"));
        await RecordAsync("versions", anonymous, Get("/api/v1/suppliers/sample/catalogue/versions"));
        await RecordAsync("versions, unknown supplier", anonymous, Get("/api/v1/suppliers/nobody/catalogue/versions"));

        // Catalogue imports.
        const string header = "sku,name,base,l,a,b,illuminant,observer,water_parts\n";
        await RecordAsync("import, dry run", admin, Put("/api/v1/suppliers/golden/catalogue?dryRun=true", Csv(header + "G-1,Gold One,carbon,30,1,2,D65,2,0;1\n")));
        await RecordAsync("import, stored", admin, Put("/api/v1/suppliers/golden/catalogue", Csv(header + "G-1,Gold One,carbon,30,1,2,D50,2,0;1\n")));
        await RecordAsync("import, bad rows", admin,
            Put("/api/v1/suppliers/golden/catalogue", Csv(header + "G-1,Gold One,carbon,130,1,2,D65,2,0;1\nG-2,,plastic,30,x,2,D65,2,0;1\n")));
        await RecordAsync("import, unknown column", admin, Put("/api/v1/suppliers/golden/catalogue", Csv("sku,name,base,l,a,b,illuminant,colour\n")));
        await RecordAsync("import, missing column", admin, Put("/api/v1/suppliers/golden/catalogue", Csv("sku,name,l,a\nG-1,One,30,1\n")));
        await RecordAsync("import, empty", admin, Put("/api/v1/suppliers/golden/catalogue", Csv(header)));
        await RecordAsync("import, no illuminant", admin, Put("/api/v1/suppliers/golden/catalogue", Csv("sku,name,base,l,a,b\nG-1,One,carbon,30,1,2\n")));
        await RecordAsync("import, JSON malformed", admin, Put("/api/v1/suppliers/golden/catalogue", Json("{\"pigments\": [")));
        await RecordAsync("import, XML malformed", admin, Put("/api/v1/suppliers/golden/catalogue", new StringContent("<cc:CxF", Encoding.UTF8, "application/xml")));
        await RecordAsync("import, plain text", admin, Put("/api/v1/suppliers/golden/catalogue", new StringContent("G-1 Gold One")));
        await RecordAsync("import, bad slug", admin, Put("/api/v1/suppliers/Gold%20En/catalogue", Csv(header)));
        await RecordAsync("import, over the limit", admin,
            Put("/api/v1/suppliers/golden/catalogue", Csv(header + new string('#', AnswerFactory.MaxCatalogueBytes) + "\n")));
        await RecordAsync("import, no key", anonymous, Put("/api/v1/suppliers/golden/catalogue", Csv(header)));
        var keyAnswer = await admin.PostAsync("/api/v1/keys", Json("""{"role": "supplier", "supplier": "acme"}"""));
        string supplierKey = JsonNode.Parse(await keyAnswer.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        using var acme = factory.CreateClient();
        acme.DefaultRequestHeaders.Add("X-Api-Key", supplierKey);
        await RecordAsync("import, another supplier key", acme, Put("/api/v1/suppliers/golden/catalogue", Csv(header)));

        // Keys and the framework's own answers.
        await RecordAsync("key, unknown role", admin, Post("/api/v1/keys", Json("""{"role": "emperor"}""")));
        await RecordAsync("key, malformed JSON", admin, Post("/api/v1/keys", Json("{\"role\": ")));
        using var wrong = factory.WithKey("smp_nope_nope");
        await RecordAsync("key, bad key", wrong, Get("/api/v1/keys"));
        await RecordAsync("route, unknown", anonymous, Get("/api/v1/nothing-here"));
        await RecordAsync("route, wrong method", anonymous, new HttpRequestMessage(HttpMethod.Delete, "/api/v1/matches"));
    }

    private async Task RecordAsync(string name, HttpClient client, HttpRequestMessage request, bool physics = false)
    {
        string line = $"{request.Method} {request.RequestUri}";
        using var response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        var entry = new JsonObject
        {
            ["name"] = name,
            ["request"] = line,
            ["status"] = (int)response.StatusCode,
            ["contentType"] = response.Content.Headers.ContentType?.MediaType,
        };
        if (response.Headers.RetryAfter is { } retry)
        {
            entry["retryAfter"] = retry.ToString();
        }

        if (response.Headers.Location is { } location)
        {
            entry["location"] = location.ToString();
        }

        if (physics)
        {
            entry["physics"] = true;
        }

        entry["body"] = text.Length == 0 ? null : Normalise(JsonNode.Parse(text));
        answers.Add(entry);
        request.Dispose();
    }

    /// <summary>Blanks what differs on every run (trace ids, issued keys and their ids, clock times), keeping its place.</summary>
    private static JsonNode? Normalise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue(out string? s) && (key is "traceId" or "key" or "recordedBy" or "trainedBy" || DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _) && s.Contains('T', StringComparison.Ordinal)))
                    {
                        obj[key] = "<varies>";
                    }
                    else
                    {
                        Normalise(value);
                    }
                }

                return obj;
            case JsonArray array:
                foreach (var item in array)
                {
                    Normalise(item);
                }

                return array;
            default:
                return node;
        }
    }

    private static void Compare(JsonNode? want, JsonNode? got, string path, bool numbers, List<string> differences)
    {
        switch (want)
        {
            case JsonObject w when got is JsonObject g:
                string wantOrder = string.Join(",", w.Select(p => p.Key)), gotOrder = string.Join(",", g.Select(p => p.Key));
                if (wantOrder != gotOrder)
                {
                    differences.Add($"{path}: members {gotOrder}, expected {wantOrder}");
                }

                foreach (string key in w.Select(p => p.Key).Union(g.Select(p => p.Key)))
                {
                    if (!w.ContainsKey(key) || !g.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: present in only one ({(w.ContainsKey(key) ? "expected" : "actual")})");
                        continue;
                    }

                    Compare(w[key], g[key], $"{path}.{key}", numbers, differences);
                }

                return;
            case JsonArray w when got is JsonArray g:
                if (w.Count != g.Count)
                {
                    differences.Add($"{path}: {w.Count} items expected, {g.Count} got");
                    return;
                }

                for (int i = 0; i < w.Count; i++)
                {
                    Compare(w[i], g[i], $"{path}[{i}]", numbers, differences);
                }

                return;
            case JsonValue w when got is JsonValue g && w.GetValueKind() == JsonValueKind.Number && g.GetValueKind() == JsonValueKind.Number && !numbers:
                return;
            default:
                string a = want?.ToJsonString() ?? "null", b = got?.ToJsonString() ?? "null";
                if (a != b)
                {
                    differences.Add($"{path}: expected {a}, got {b}");
                }

                return;
        }
    }

    private static string GoldenPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Answers", "answers.json");

    private static byte[] CastScene()
    {
        using var image = SceneImages.ReferenceScene();
        SceneImages.Cast(image, 1.0, 0.8, 0.5);
        return SceneImages.Png(image);
    }

    private static MultipartFormDataContent WithPart(MultipartFormDataContent form, string name, string json)
    {
        form.Add(new StringContent(json), name);
        return form;
    }

    private static HttpRequestMessage Post(string path, HttpContent? content) => new(HttpMethod.Post, path) { Content = content };

    private static HttpRequestMessage Put(string path, HttpContent content) => new(HttpMethod.Put, path) { Content = content };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

    public void Dispose() => factory.Dispose();

    /// <summary>A host of its own (fresh database, so ids are the same on every run) with small body limits.</summary>
    private sealed class AnswerFactory : SmpShadeFactory
    {
        public const int MaxPhotoBytes = 200_000;
        public const int MaxCatalogueBytes = 8192;

        public AnswerFactory()
        {
            Settings["Photos:MaxBytes"] = MaxPhotoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Photos:MaxConcurrentAnalyses"] = "1";
            Settings["Photos:AnalysisQueueLength"] = "-1"; // "every slot taken" answers at once, as recorded
            Settings["Catalogue:MaxBodyBytes"] = MaxCatalogueBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Auth:FailedAttemptsPerMinute"] = "1000";
        }

        public HttpClient WithKey(string key)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }
    }
}
