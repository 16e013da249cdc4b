using System.CommandLine;
using Lvyue.Notary;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue notary keygen --algorithm ed25519|sm2 --name ORIGIN --out-private FILE --out-public FILE</c>: generates a
/// checkpoint signing key pair as PEM files (never overwriting a file) and prints the verifier key string
/// (<c>name+hex id+base64 key</c>) to give to auditors. Exit 0, or 1 with the reason.
/// </summary>
public static class NotaryKeygenCommand
{
    /// <summary>The <c>keygen</c> subcommand of <c>lvyue notary</c>.</summary>
    public static Command Build()
    {
        var algorithm = new Option<string>("--algorithm") { Description = "ed25519 or sm2", Required = true };
        var name = new Option<string>("--name") { Description = "The key name, conventionally the log's origin", Required = true };
        var outPrivate = new Option<string>("--out-private") { Description = "The private key PEM file to create", Required = true };
        var outPublic = new Option<string>("--out-public") { Description = "The public key PEM file to create", Required = true };
        var command = new Command("keygen", "Generate a checkpoint signing key pair (PEM files) and print the verifier key")
        {
            algorithm, name, outPrivate, outPublic,
        };
        command.SetAction(r =>
        {
            var output = r.InvocationConfiguration.Output;
            var text = r.GetValue(algorithm)!.Trim().ToLowerInvariant();
            NoteAlgorithm? alg = text switch
            {
                "ed25519" => NoteAlgorithm.Ed25519,
                "sm2" => NoteAlgorithm.Sm2,
                _ => null,
            };
            if (alg is null)
            {
                output.WriteLine($"未知的算法“{text}”，可选 ed25519 或 sm2 / unknown algorithm '{text}': use ed25519 or sm2");
                return 1;
            }
            try
            {
                var signer = NoteKeyFiles.Generate(r.GetValue(name)!, alg.Value, r.GetValue(outPrivate)!, r.GetValue(outPublic)!);
                output.WriteLine(signer.Verifier.ToString());
                return 0;
            }
            catch (Exception e) when (e is NoteKeyException or NoteFormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                output.WriteLine($"无法生成密钥 / cannot generate the key: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
