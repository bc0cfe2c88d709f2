using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Mentoring.Matching.Api.Tests;

/// <summary>Small helpers to send JSON or CSV and check what comes back.</summary>
internal static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    public static StringContent Typed(string body, string mediaType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = mediaType.Length == 0 ? null : MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>Asserts the status and returns the JSON body (null when there is none).</summary>
    public static async Task<JsonNode?> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    /// <summary>Asserts an RFC 9457 problem details response with this status and returns it.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = (await response.ExpectAsync(status))!;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        return problem;
    }

    /// <summary>The <c>errors</c> of a 422 problem as "field: message" lines.</summary>
    public static string[] Errors(this JsonNode problem) =>
        problem["errors"]!.AsArray().Select(e => $"{(string?)e!["field"]}: {(string?)e["message"]}").ToArray();

    /// <summary>One string property of every object in a JSON array.</summary>
    public static string[] Strings(this JsonNode? array, string property) =>
        array!.AsArray().Select(item => (string?)item![property] ?? "").ToArray();

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, string json) => client.PutAsync(url, Json(json));

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, string json) => client.PostAsync(url, Json(json));
}
