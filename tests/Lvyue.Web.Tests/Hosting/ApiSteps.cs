using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lvyue.Contracts;
using Lvyue.Testing;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>The steps of a filing over the API, each asserting that it succeeded, for tests whose subject comes after them.</summary>
public static class ApiSteps
{
    /// <summary>Files a draft; returns its id.</summary>
    public static async Task<long> CreateAsync(WebSession session, ContractInput input)
    {
        using var response = await session.PostJsonAsync("/api/v1/contracts", input);
        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating {input.Number} answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        return body!["id"]!.GetValue<long>();
    }

    /// <summary>Uploads a plain-text document; returns the stored document.</summary>
    public static async Task<JsonNode> UploadTextAsync(WebSession session, long id, string fileName = "合同.txt", string text = TestFiles.CleanContract)
    {
        using var response = await session.PostFileAsync($"/api/v1/contracts/{id}/documents", fileName, Encoding.UTF8.GetBytes(text));
        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"uploading {fileName} answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Submits a draft for approval; returns the approval task.</summary>
    public static async Task<JsonNode> SubmitAsync(WebSession session, long id)
    {
        using var response = await session.PostJsonAsync($"/api/v1/contracts/{id}/submit", null);
        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"submitting {id} answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Files a draft with a document and submits it; returns the contract id and the approval task id.</summary>
    public static async Task<(long ContractId, long TaskId)> FileAndSubmitAsync(WebSession clerk, ContractInput input)
    {
        var id = await CreateAsync(clerk, input);
        await UploadTextAsync(clerk, id);
        var task = await SubmitAsync(clerk, id);
        return (id, task["id"]!.GetValue<long>());
    }

    /// <summary>The contract's status as the system sees it.</summary>
    public static async Task<string> StatusAsync(WebSession reader, long id) =>
        (await reader.GetOkAsync($"/api/v1/contracts/{id}"))["status"]!.GetValue<string>();
}
