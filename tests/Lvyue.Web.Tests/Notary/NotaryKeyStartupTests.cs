using Lvyue.Notary;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Notary;

/// <summary>
/// The notary's signing key at start in Production: the demo (Demo:Seed) no longer makes the host generate one; only
/// Notary:AllowGeneratedKey does, and a configured key is the one that signs.
/// </summary>
public sealed class NotaryKeyStartupTests
{
    [Fact]
    public async Task Production_RefusesAGeneratedKeyEvenOnADemoUnlessExplicitlyAllowed()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() =>
            LvyueApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Notary:AllowGeneratedKey"] = "false" }));
        var message = e.ToString();
        Assert.Contains("Notary:SigningKey is not configured", message);
        Assert.Contains("not even with Demo:Seed", message);
        Assert.Contains("Notary:AllowGeneratedKey", message);
    }

    [Fact]
    public async Task Production_SignsWithTheConfiguredKeyAndGeneratesNone()
    {
        var folder = Directory.CreateTempSubdirectory("lvyue-notary-key-");
        try
        {
            var key = NoteKeyFiles.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Ed25519, Path.Combine(folder.FullName, "log.pem"), Path.Combine(folder.FullName, "log.pub.pem"));
            await using var app = await LvyueApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
            {
                ["Notary:SigningKey"] = Path.Combine(folder.FullName, "log.pem"), ["Notary:AllowGeneratedKey"] = "false", ["Demo:Seed"] = "true",
            });
            using var anonymous = new WebSession(app.NewClient());
            var keys = (await anonymous.GetOkAsync("/api/v1/notary/keys")).AsArray();
            var only = Assert.Single(keys)!;
            Assert.Equal(key.Verifier.ToString(), only["verifierKey"]!.GetValue<string>());
            Assert.False(Directory.Exists(Path.Combine(app.Database.FileStoreRoot, Lvyue.Web.Hosting.NotarySetup.GeneratedKeysFolder)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
