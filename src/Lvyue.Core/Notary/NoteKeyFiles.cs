using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.EdEC;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Lvyue.Notary;

/// <summary>
/// Note keys in PEM files: Ed25519 private keys as PKCS#8 (<c>PRIVATE KEY</c>) and public keys as
/// SubjectPublicKeyInfo (<c>PUBLIC KEY</c>); SM2 keys as EC keys on sm2p256v1 in the same two forms
/// (SEC 1 <c>EC PRIVATE KEY</c> and <c>SM2 PRIVATE KEY</c> files, as OpenSSL writes them, are read too). The key name is not in the
/// file: it comes from configuration, like the path. Every failure is a <see cref="NoteKeyException"/>
/// naming the file.
/// </summary>
public static class NoteKeyFiles
{
    private const string PrivateLabel = "PRIVATE KEY";
    private const string EcPrivateLabel = "EC PRIVATE KEY";
    private const string Sm2PrivateLabel = "SM2 PRIVATE KEY";
    private const string PublicLabel = "PUBLIC KEY";

    /// <summary>The signer named <paramref name="name"/> whose private key is in the PEM file <paramref name="path"/>.</summary>
    public static NoteSigner LoadSigner(string name, string path) =>
        Wrap(path, () => ReadSigner(name, ReadFile(path)));

    /// <summary>
    /// The verifier named <paramref name="name"/> whose public key is in the PEM file <paramref name="path"/>
    /// (a private key file gives its public half).
    /// </summary>
    public static NoteVerifier LoadVerifier(string name, string path) =>
        Wrap(path, () => ReadVerifier(name, ReadFile(path)));

    /// <summary>A verifier set of every (name, public key file) pair, for example the current key and the rotated-out ones.</summary>
    public static NoteVerifierSet LoadVerifierSet(IEnumerable<(string Name, string Path)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new NoteVerifierSet(keys.Select(k => LoadVerifier(k.Name, k.Path)).ToList());
    }

    /// <summary>The signer of a PEM text; a bad key or key name is a <see cref="NoteKeyException"/>.</summary>
    public static NoteSigner ReadSigner(string name, string pem) => AsKeyError(() => ParseSigner(name, pem));

    /// <summary>The verifier of a PEM text (a public key, or a private key's public half); a bad key or key name is a <see cref="NoteKeyException"/>.</summary>
    public static NoteVerifier ReadVerifier(string name, string pem) => AsKeyError(() => ParseVerifier(name, pem));

    private static T AsKeyError<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (NoteFormatException e)
        {
            throw new NoteKeyException(e.Message, e);
        }
    }

    private static NoteSigner ParseSigner(string name, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var (label, der) = FindKey(pem);
        var key = label switch
        {
            PrivateLabel => Decode(() => PrivateKeyFactory.CreateKey(der), "PKCS#8 private key"),
            EcPrivateLabel or Sm2PrivateLabel => Decode(() => Sec1PrivateKey(der), "SEC 1 EC private key"),
            _ => throw new NoteKeyException($"the PEM block is a {label}, not a private key"),
        };
        return key switch
        {
            Ed25519PrivateKeyParameters ed => NoteSigner.FromKey(name, ed),
            ECPrivateKeyParameters ec => NoteSigner.FromKey(name, Sm2Private(ec)),
            _ => throw new NoteKeyException($"the private key is {key.GetType().Name}, neither Ed25519 nor SM2"),
        };
    }

    private static NoteVerifier ParseVerifier(string name, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var (label, der) = FindKey(pem);
        if (label != PublicLabel) return ParseSigner(name, pem).Verifier;
        var key = Decode(() => PublicKeyFactory.CreateKey(der), "SubjectPublicKeyInfo public key");
        return key switch
        {
            Ed25519PublicKeyParameters ed => NoteVerifier.Ed25519(name, ed.GetEncoded()),
            ECPublicKeyParameters ec when IsSm2Curve(ec.Parameters) => NoteVerifier.Sm2(name, NoteCrypto.Sm2PointBytes(ec)),
            ECPublicKeyParameters => throw new NoteKeyException("the EC public key is not on the curve sm2p256v1"),
            _ => throw new NoteKeyException($"the public key is {key.GetType().Name}, neither Ed25519 nor SM2"),
        };
    }

    /// <summary>The PKCS#8 PEM of a signer's private key.</summary>
    public static string ToPrivatePem(NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        // Ed25519 as a version 1 PrivateKeyInfo holding only the seed (RFC 8410), as OpenSSL writes it.
        var info = signer.Ed25519Key is { } ed
            ? new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DerOctetString(ed.GetEncoded()))
            : PrivateKeyInfoFactory.CreatePrivateKeyInfo(signer.Sm2Key!);
        return PemEncoding.WriteString(PrivateLabel, info.GetDerEncoded()) + "\n";
    }

    /// <summary>The SubjectPublicKeyInfo PEM of a verifier's public key.</summary>
    public static string ToPublicPem(NoteVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        AsymmetricKeyParameter key = verifier.Algorithm == NoteAlgorithm.Ed25519
            ? new Ed25519PublicKeyParameters(verifier.PublicKey, 0)
            : NoteCrypto.Sm2PublicKey(verifier.PublicKey, out _)!;
        return PemEncoding.WriteString(PublicLabel, SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetDerEncoded()) + "\n";
    }

    /// <summary>
    /// Generates a key pair, writes the private key to <paramref name="privatePath"/> (readable by the owner
    /// only, where the system has Unix permissions) and the public key to <paramref name="publicPath"/>,
    /// and returns the signer. Existing files are never overwritten.
    /// </summary>
    public static NoteSigner Generate(string name, NoteAlgorithm algorithm, string privatePath, string publicPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(privatePath);
        ArgumentException.ThrowIfNullOrEmpty(publicPath);
        if (Path.GetFullPath(privatePath) == Path.GetFullPath(publicPath))
            throw new NoteKeyException($"the private and public key files must differ ({privatePath})");
        foreach (var path in new[] { privatePath, publicPath })
            if (File.Exists(path)) throw new NoteKeyException($"{path}: the file exists already; key files are never overwritten");
        var signer = NoteSigner.Generate(name, algorithm);
        Write(privatePath, ToPrivatePem(signer), ownerOnly: true);
        try
        {
            Write(publicPath, ToPublicPem(signer.Verifier), ownerOnly: false);
        }
        catch (NoteKeyException)
        {
            File.Delete(privatePath);
            throw;
        }
        return signer;
    }

    private static void Write(string path, string text, bool ownerOnly)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (ownerOnly && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        catch (IOException e)
        {
            throw new NoteKeyException($"{path}: cannot write the key file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new NoteKeyException($"{path}: cannot write the key file: {e.Message}", e);
        }
    }

    private static string ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new NoteKeyException($"cannot read the key file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new NoteKeyException($"cannot read the key file: {e.Message}", e);
        }
    }

    private static T Wrap<T>(string path, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (NoteKeyException e)
        {
            throw new NoteKeyException($"{path}: {e.Message}", e);
        }
        catch (NoteFormatException e)
        {
            throw new NoteKeyException($"{path}: {e.Message}", e);
        }
    }

    private static (string Label, byte[] Der) FindKey(string pem)
    {
        var rest = pem.AsMemory();
        var labels = new List<string>();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            labels.Add(label);
            if (label is PrivateLabel or EcPrivateLabel or Sm2PrivateLabel or PublicLabel)
                return (label, Convert.FromBase64String(rest.Span[fields.Base64Data].ToString()));
            if (label == "ENCRYPTED PRIVATE KEY")
                throw new NoteKeyException("the private key is encrypted; note keys are read unencrypted (protect the file instead)");
            rest = rest[fields.Location.End..];
        }
        throw new NoteKeyException(labels.Count == 0
            ? "no PEM block found"
            : $"no PRIVATE KEY, EC PRIVATE KEY, SM2 PRIVATE KEY or PUBLIC KEY block (found {string.Join(", ", labels)})");
    }

    private static AsymmetricKeyParameter Decode(Func<AsymmetricKeyParameter> decode, string what)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or SecurityUtilityException or InvalidCastException or FormatException)
        {
            throw new NoteKeyException($"the {what} cannot be decoded: {e.Message}", e);
        }
    }

    private static ECPrivateKeyParameters Sec1PrivateKey(byte[] der)
    {
        var structure = ECPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(der));
        if (structure.GetParameters() is not DerObjectIdentifier curve || !curve.Equals(NoteCrypto.Sm2CurveOid))
            throw new NoteKeyException("the EC private key does not name the curve sm2p256v1");
        return new ECPrivateKeyParameters("EC", structure.GetKey(), NoteCrypto.Sm2CurveOid);
    }

    private static ECPrivateKeyParameters Sm2Private(ECPrivateKeyParameters key)
    {
        if (!IsSm2Curve(key.Parameters)) throw new NoteKeyException("the EC private key is not on the curve sm2p256v1");
        var scalar = key.D.ToByteArrayUnsigned();
        if (scalar.Length > NoteCrypto.Sm2PrivateKeySize) throw new NoteKeyException("bad SM2 private key: the scalar is longer than 32 bytes");
        var padded = new byte[NoteCrypto.Sm2PrivateKeySize];
        scalar.CopyTo(padded, padded.Length - scalar.Length);
        return NoteCrypto.Sm2PrivateKey(padded, out var reason) ?? throw new NoteKeyException("bad SM2 private key: " + reason);
    }

    private static bool IsSm2Curve(ECDomainParameters parameters) =>
        parameters.Curve.Equals(NoteCrypto.Sm2Curve.Curve) && parameters.G.Equals(NoteCrypto.Sm2Curve.G) && parameters.N.Equals(NoteCrypto.Sm2Curve.N);
}
