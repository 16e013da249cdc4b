using System.CommandLine;
using System.Text;
using Lvyue.Notary;

namespace Lvyue.Cli.Tests.Notary;

/// <summary><c>lvyue notary verify RECEIPT.json --key PUBKEY</c>: offline receipt verification with a key string or a PEM file.</summary>
public sealed class NotaryVerifyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lvyue-verify-").FullName;
    private readonly NoteSigner _signer = NoteSigner.Generate("lvyue.example/notary", NoteAlgorithm.Sm2);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (code, output.ToString().TrimEnd());
    }

    // A receipt of leaf 2 of a five-leaf log, built as NotaryLog builds one.
    private string WriteReceipt(string name, Func<string, string>? change = null)
    {
        var events = Enumerable.Range(0, 5).Select(i => new NotaryEvent("payment.made", 7, new DateTimeOffset(2026, 11, 22, 0, 0, i, TimeSpan.Zero))).ToList();
        var leaves = events.Select(e => MerkleHash.Leaf(e.ToLeafData())).ToList();
        var note = new Checkpoint("lvyue.example/log", 5, MerkleHash.Root(leaves)).Sign(_signer).ToString();
        var json = NotaryReceipt.ToJson(events[2].ToString(), 2, 5, InclusionProof.Generate(leaves, 2), note);
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, change is null ? json : change(json), Encoding.UTF8);
        return path;
    }

    [Fact]
    public void AValidReceiptVerifiesWithAVerifierKeyString()
    {
        Assert.Equal((0, "valid"), Run("notary", "verify", WriteReceipt("r.json"), "--key", _signer.Verifier.ToString()));
    }

    [Fact]
    public void AValidReceiptVerifiesWithAPemPublicKeyFile()
    {
        var pem = Path.Combine(_dir, "notary.pub.pem");
        File.WriteAllText(pem, NoteKeyFiles.ToPublicPem(_signer.Verifier));
        Assert.Equal((0, "valid"), Run("notary", "verify", WriteReceipt("r.json"), "--key", pem));
    }

    [Fact]
    public void AChangedLeafOrAnotherKeyOrAMissingFileFailsWithTheReason()
    {
        var changed = WriteReceipt("changed.json", j => j.Replace("payment.made", "payment.void", StringComparison.Ordinal));
        var (code, output) = Run("notary", "verify", changed, "--key", _signer.Verifier.ToString());
        Assert.Equal(1, code);
        Assert.StartsWith("the leaf data hashes to", output);

        var other = NoteSigner.Generate("lvyue.example/notary", NoteAlgorithm.Ed25519).Verifier.ToString();
        (code, output) = Run("notary", "verify", WriteReceipt("r.json"), "--key", other);
        Assert.Equal(1, code);
        Assert.StartsWith("the checkpoint does not verify: no signature is by a known key", output);

        (code, output) = Run("notary", "verify", Path.Combine(_dir, "absent.json"), "--key", _signer.Verifier.ToString());
        Assert.Equal(1, code);
        Assert.StartsWith("cannot read the receipt", output);

        (code, output) = Run("notary", "verify", WriteReceipt("r.json"), "--key", "not-a-key");
        Assert.Equal(1, code);
        Assert.StartsWith("the key \"not-a-key\" is neither", output);

        (code, output) = Run("notary", "verify", WriteReceipt("bad.json", _ => "[1,2]"), "--key", _signer.Verifier.ToString());
        Assert.Equal((1, "the receipt is not a JSON object"), (code, output));
    }
}
