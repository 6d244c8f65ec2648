using System.Net;
using System.Text.Json.Nodes;

namespace SmpShade.Api.Tests.Infrastructure;

/// <summary>
/// The served OpenAPI document is the committed snapshot docs/openapi-v1.json, so any change to the contract shows in
/// review as a diff of that file. Compared as JSON, member order aside, without <c>servers</c> (where it is deployed).
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OpenApiSnapshotTests(SmpShadeFactory factory)
{
    /// <summary>The one-line refresh (docs/api.md says the same).</summary>
    public const string Refresh = "dotnet run --project tests/SmpShade.OpenApiDocument -c Release -- docs/openapi-v1.json --snapshot";

    [Fact]
    public async Task The_served_document_is_the_committed_snapshot()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        string served = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, served);
        string file = Path.Combine(Redocly.RepositoryRoot, "docs", "openapi-v1.json");
        Assert.True(File.Exists(file), $"{file} is missing; write it with `{Refresh}`.");

        var differences = new List<string>();
        Compare(Contract(served), Contract(await File.ReadAllTextAsync(file)), "$", differences);
        Assert.True(differences.Count == 0,
            $"The served document differs from docs/openapi-v1.json at {differences.Count} places (served / committed):\n"
            + string.Join("\n", differences.Take(20)) + $"\nIf the change is meant, refresh the snapshot and commit it: `{Refresh}`");
    }

    [Fact]
    public void A_difference_anywhere_is_found_and_member_order_is_not_one()
    {
        var differences = new List<string>();
        Compare(Contract("""{"a": {"x": 1, "y": [1, 2]}, "servers": [{"url": "/"}]}"""), Contract("""{"a": {"y": [1, 2], "x": 1}}"""), "$", differences);
        Assert.Empty(differences);
        Compare(Contract("""{"a": {"x": 1, "y": [1, 2]}}"""), Contract("""{"a": {"x": 1, "y": [2, 1]}, "b": null}"""), "$", differences);
        Assert.Equal(["$.a.y[0]: 1 / 2", "$.a.y[1]: 2 / 1", "$.b: (absent) / null"], differences);
    }

    private static JsonObject Contract(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        root.Remove("servers");
        return root;
    }

    /// <summary>Every path where the two differ: members by name (order ignored), array entries by position.</summary>
    private static void Compare(JsonNode? served, JsonNode? committed, string path, List<string> differences)
    {
        switch (served, committed)
        {
            case (JsonObject s, JsonObject c):
                foreach (string name in s.Select(m => m.Key).Union(c.Select(m => m.Key)).Order(StringComparer.Ordinal))
                {
                    if (s.ContainsKey(name) && c.ContainsKey(name))
                    {
                        Compare(s[name], c[name], $"{path}.{name}", differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{name}: {Text(s, name)} / {Text(c, name)}");
                    }
                }

                break;
            case (JsonArray s, JsonArray c):
                for (int i = 0; i < Math.Max(s.Count, c.Count); i++)
                {
                    if (i < s.Count && i < c.Count)
                    {
                        Compare(s[i], c[i], $"{path}[{i}]", differences);
                    }
                    else
                    {
                        differences.Add($"{path}[{i}]: {(i < s.Count ? Short(s[i]) : "(absent)")} / {(i < c.Count ? Short(c[i]) : "(absent)")}");
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(served, committed))
                {
                    differences.Add($"{path}: {Short(served)} / {Short(committed)}");
                }

                break;
        }
    }

    private static string Text(JsonObject owner, string name) => owner.ContainsKey(name) ? Short(owner[name]) : "(absent)";

    private static string Short(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
