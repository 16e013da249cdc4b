using System.Net;
using System.Text.Json.Nodes;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>Assertions on RFC 9457 problem responses.</summary>
public static class Problems
{
    /// <summary>Asserts an <c>application/problem+json</c> response with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body?.ToJsonString()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(body);
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(body["title"]?.GetValue<string>()), "the problem has no title");
        return body;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="field"/>; returns that field's messages.</summary>
    public static async Task<string[]> AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = body["errors"] as JsonObject;
        Assert.True(errors is not null, $"the problem has no errors: {body.ToJsonString()}");
        Assert.True(errors.ContainsKey(field), $"no error for '{field}' in {errors.ToJsonString()}");
        var messages = errors[field]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        return messages;
    }
}
