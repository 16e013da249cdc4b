using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>
/// One user's conversation with the app over HTTP: its cookies (or bearer token), JSON calls to the
/// API, and form posts that carry the page's antiforgery token as a browser would.
/// </summary>
public sealed partial class WebSession(HttpClient client) : IDisposable
{
    /// <summary>JSON as the API writes it: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Client { get; } = client;

    /// <summary>Posts the login form with the antiforgery token of the login page.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        await PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Gets a page (or any resource) as text, with its status.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetTextAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Gets JSON; the node is null when the body is empty or not JSON.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>Gets JSON that must come with 200 OK.</summary>
    public async Task<JsonNode> GetOkAsync(string url)
    {
        var (status, body) = await GetJsonAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} answered {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, object? value) =>
        Client.PostAsJsonAsync(url, value, Json);

    public Task<HttpResponseMessage> PutJsonAsync(string url, object? value, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(value, options: Json) };
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", v.ToString());
        return Client.SendAsync(request);
    }

    /// <summary>
    /// Posts a multipart upload of one file in the field <paramref name="field"/>. A browser session sends
    /// the antiforgery token (header <c>RequestVerificationToken</c>) as the pages' scripts would, unless
    /// <paramref name="antiforgery"/> is false.
    /// </summary>
    public async Task<HttpResponseMessage> PostFileAsync(string url, string fileName, byte[] content, string field = "file", bool antiforgery = true)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, field, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (antiforgery && Client.DefaultRequestHeaders.Authorization is null)
            request.Headers.Add("RequestVerificationToken", await AntiforgeryTokenAsync());
        return await Client.SendAsync(request);
    }

    /// <summary>The antiforgery token of this session, read from the home page's form.</summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        var (status, page) = await GetTextAsync("/");
        Assert.True(status == HttpStatusCode.OK, $"GET / answered {(int)status}");
        return AntiforgeryToken(page);
    }

    /// <summary>Gets <paramref name="pageUrl"/> for its antiforgery token, then posts the form fields to <paramref name="postUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var (status, page) = await GetTextAsync(pageUrl);
        Assert.True(status == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)status}");
        var withToken = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        return await Client.PostAsync(postUrl, new FormUrlEncodedContent(withToken));
    }

    /// <summary>The antiforgery token a page's form carries.</summary>
    public static string AntiforgeryToken(string html)
    {
        var m = TokenPattern().Match(html);
        Assert.True(m.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
