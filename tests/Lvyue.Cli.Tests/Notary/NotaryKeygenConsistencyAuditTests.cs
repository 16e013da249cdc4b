using System.CommandLine;
using Lvyue.Data;
using Lvyue.Notary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli.Tests.Notary;

/// <summary>
/// <c>lvyue notary keygen</c>, <c>consistency</c> and <c>audit</c>: key files whose verifier key checks a note the
/// private key signed; consistency of signed checkpoints with a given proof and from the database log (valid, a
/// forked log, a bad signature); and the audit of a SQLite log, clean and then changed by raw SQL.
/// </summary>
public sealed class NotaryKeygenConsistencyAuditTests : IDisposable
{
    private const string Origin = "lvyue.example/notary";
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("lvyue-notary-cli-").FullName;
    private readonly NoteSigner _signer = NoteSigner.Generate(Origin, NoteAlgorithm.Ed25519);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ConnectionString => $"Data Source={Path.Combine(_dir, "lvyue.db")};Pooling=False";

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (code, output.ToString().TrimEnd());
    }

    private static NotaryEvent Event(int i, string kind = "contract.filed") => new(kind, 900 + i % 3, T0.AddSeconds(i));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string CheckpointFile(string name, IReadOnlyList<byte[]> leaves, int size, NoteSigner? signer = null) =>
        Write(name, new Checkpoint(Origin, (ulong)size, MerkleHash.Root(leaves.Take(size).ToList())).Sign(signer ?? _signer).ToString());

    private static string Hex(IEnumerable<byte[]> proof) => string.Join(",", proof.Select(Convert.ToHexStringLower));

    // A scope on the test's SQLite database, migrated, as the command line's services build it.
    private async Task<(ServiceProvider Sp, AsyncServiceScope Scope)> ServicesAsync()
    {
        var sp = CliHost.Services(CliApp.Build().Parse(["notary", "audit", "--provider", "sqlite", "--connection", ConnectionString]));
        var scope = sp.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        return (sp, scope);
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("sm2")]
    public void KeygenWritesKeyFilesWhoseVerifierKeyChecksANoteSignedWithThePrivateKey(string algorithm)
    {
        var priv = Path.Combine(_dir, "k.pem");
        var pub = Path.Combine(_dir, "k.pub.pem");
        var (code, output) = Run("notary", "keygen", "--algorithm", algorithm, "--name", Origin, "--out-private", priv, "--out-public", pub);
        Assert.Equal(0, code);
        Assert.True(File.Exists(priv) && File.Exists(pub));
        var verifier = NoteVerifier.Parse(output);
        Assert.Equal(Origin, verifier.Name);
        var note = SignedNote.Sign("lvyue.example/notary\n1\n" + Convert.ToBase64String(new byte[32]) + "\n", NoteKeyFiles.LoadSigner(Origin, priv)).ToString();
        Assert.True(new NoteVerifierSet(verifier).Verify(note).IsValid);
        Assert.True(new NoteVerifierSet(NoteKeyFiles.LoadVerifier(Origin, pub)).Verify(note).IsValid);

        // Never overwrites; an unknown algorithm is refused.
        var before = File.ReadAllText(priv);
        (code, output) = Run("notary", "keygen", "--algorithm", algorithm, "--name", Origin, "--out-private", priv, "--out-public", Path.Combine(_dir, "other.pem"));
        Assert.Equal(1, code);
        Assert.Contains("never overwritten", output);
        Assert.Equal(before, File.ReadAllText(priv));
        Assert.False(File.Exists(Path.Combine(_dir, "other.pem")));
        Assert.Equal(1, Run("notary", "keygen", "--algorithm", "rsa", "--name", Origin, "--out-private", Path.Combine(_dir, "x"), "--out-public", Path.Combine(_dir, "y")).Code);
    }

    [Fact]
    public void ConsistencyWithAGivenProofIsValidAndAForkOrABadSignatureGivesTheReason()
    {
        var leaves = Enumerable.Range(0, 13).Select(i => MerkleHash.Leaf(Event(i).ToLeafData())).ToList();
        var old = CheckpointFile("old", leaves, 6);
        var @new = CheckpointFile("new", leaves, 13);
        var proof = Hex(ConsistencyProof.Generate(leaves, 6));
        var key = _signer.Verifier.ToString();
        Assert.Equal((0, "valid"), Run("notary", "consistency", old, @new, "--key", key, "--proof", proof));
        var pem = Write("pub.pem", NoteKeyFiles.ToPublicPem(_signer.Verifier));
        Assert.Equal((0, "valid"), Run("notary", "consistency", old, @new, "--key", pem, "--proof", proof));

        // A forked log: the new checkpoint is of a tree whose leaf 3 differs.
        var forked = leaves.ToList();
        forked[3] = MerkleHash.Leaf(Event(3, "payment.made").ToLeafData());
        var fork = CheckpointFile("fork", forked, 13);
        var (code, output) = Run("notary", "consistency", old, fork, "--key", key, "--proof", Hex(ConsistencyProof.Generate(forked, 6)));
        Assert.Equal(1, code);
        Assert.NotEqual("valid", output);

        // A bad signature: the checkpoint's size changed after signing; and a checkpoint by another key.
        Write("bad", File.ReadAllText(@new).Replace("\n13\n", "\n14\n", StringComparison.Ordinal));
        (code, output) = Run("notary", "consistency", old, Path.Combine(_dir, "bad"), "--key", key, "--proof", proof);
        Assert.Equal(1, code);
        Assert.StartsWith("the new checkpoint does not verify", output);
        var stranger = CheckpointFile("stranger", leaves, 13, NoteSigner.Generate(Origin, NoteAlgorithm.Sm2));
        (code, output) = Run("notary", "consistency", old, stranger, "--key", key, "--proof", proof);
        Assert.Equal(1, code);
        Assert.Contains("no signature is by a known key", output);
    }

    [Fact]
    public async Task ConsistencyFromTheDatabaseLogAndAuditOfACleanAndATamperedLog()
    {
        var (sp, scope) = await ServicesAsync();
        string old, @new;
        await using (sp)
        await using (scope)
        {
            var log = scope.ServiceProvider.GetRequiredService<NotaryLog>();
            for (var i = 0; i < 9; i++) await log.AppendAsync(Event(i, i == 5 ? "payment.made" : "contract.filed"));
            old = Write("old", (await log.CheckpointAsync(_signer, Origin)).Note);
            for (var i = 9; i < 21; i++) await log.AppendAsync(Event(i));
            @new = Write("new", (await log.CheckpointAsync(_signer, Origin)).Note);
        }
        var db = new[] { "--provider", "sqlite", "--connection", ConnectionString };
        var key = _signer.Verifier.ToString();
        Assert.Equal((0, "valid"), Run(["notary", "consistency", old, @new, "--key", key, .. db]));
        var leaves = Enumerable.Range(0, 21).Select(i => MerkleHash.Leaf(Event(i, "payment.made").ToLeafData())).ToList();
        var (code, output) = Run(["notary", "consistency", old, CheckpointFile("fork", leaves, 21), "--key", key, .. db]);
        Assert.Equal(1, code);
        Assert.NotEqual("valid", output);

        (code, output) = Run(["notary", "audit", "--key", key, .. db]);
        Assert.Equal(0, code);
        Assert.Contains("log intact: 21 leaves", output);

        var (sp2, scope2) = await ServicesAsync();
        await using (sp2)
        await using (scope2)
            await scope2.ServiceProvider.GetRequiredService<LvyueDbContext>().Database.ExecuteSqlRawAsync(
                "UPDATE \"NotaryLeaves\" SET \"Data\" = REPLACE(\"Data\", 'payment.made', 'payment.void') WHERE \"Index\" = 5");
        (code, output) = Run(["notary", "audit", "--key", key, .. db]);
        Assert.Equal(1, code);
        Assert.Contains("leaf 5 (payment.made, contract 902)", output);
        Assert.Contains("log tampered", output);
    }
}
