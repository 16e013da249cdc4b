using System.CommandLine;
using System.Text.Json;
using Lvyue.Notary;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue notary verify RECEIPT.json --key PUBKEY</c>: verifies a notary receipt offline, with no database.
/// PUBKEY is a signed-note verifier key string (<c>name+hex id+base64 key</c>) or a PEM public key file; a PEM key
/// carries no name, so it is tried under each key name that signed the receipt's checkpoint (the key ID binds name
/// and key, so only the right name can match). <c>--key</c> may be repeated (rotated keys). Prints <c>valid</c> and
/// exits 0, or prints the reason and exits 1.
/// </summary>
public static class NotaryVerifyCommand
{
    /// <summary>The <c>verify</c> subcommand of <c>lvyue notary</c>.</summary>
    public static Command Build()
    {
        var receipt = new Argument<string>("RECEIPT") { Description = "The receipt JSON file" };
        var key = new Option<string[]>("--key")
        {
            Description = "A verifier key string or a PEM public key file (repeat for several keys)",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("verify", "Verify a notary receipt offline: prints valid (exit 0) or the reason (exit 1)") { receipt, key };
        command.SetAction(r =>
        {
            var message = Verify(r.GetValue(receipt)!, r.GetValue(key) ?? []);
            r.InvocationConfiguration.Output.WriteLine(message);
            return message == "valid" ? 0 : 1;
        });
        return command;
    }

    /// <summary><c>valid</c>, or why the receipt in <paramref name="path"/> does not verify with <paramref name="keys"/>.</summary>
    public static string Verify(string path, IReadOnlyList<string> keys)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot read the receipt {path}: {e.Message}";
        }
        // A PEM key carries no name: it is tried under each name that signed the receipt's checkpoint.
        var set = NotaryKeyArguments.Load(keys, SignerNames(json), out var reason);
        return set is null ? reason : ReceiptVerifier.Verify(json, set).ToString();
    }

    // The key names of the signatures on the receipt's checkpoint (none when the receipt or note is malformed).
    private static List<string> SignerNames(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("checkpoint", out var c) && c.ValueKind == JsonValueKind.String
                && SignedNote.TryParse(c.GetString()!, out var note, out _))
                return note!.Signatures.Select(s => s.KeyName).Distinct().ToList();
        }
        catch (JsonException)
        {
        }
        return [];
    }
}
