using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Lvyue.Tests.Notifications;

/// <summary>
/// An SMTP server on a loopback port that speaks just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP,
/// QUIT) to accept messages and keep them for the test to read.
/// </summary>
internal sealed partial class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public sealed record Message(string From, IReadOnlyList<string> To, string Data)
    {
        /// <summary>The Subject header, folded lines joined and RFC 2047 encoded words decoded.</summary>
        public string Subject => DecodeHeader(Header("Subject"));

        public string Header(string name)
        {
            var head = Data[..Math.Max(0, Data.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
            var unfolded = Regex.Replace(head, "\r\n[ \t]+", " ");
            foreach (var line in unfolded.Split("\r\n"))
            {
                if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) return line[(name.Length + 1)..].Trim();
            }
            return "";
        }
    }

    public ConcurrentQueue<Message> Messages { get; } = new();
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public SmtpSink()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        string from = "";
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO": await writer.WriteLineAsync("250-sink\r\n250 8BITMIME"); break;
                    case "HELO": await writer.WriteLineAsync("250 sink"); break;
                    case "MAIL": from = Address(line); await writer.WriteLineAsync("250 OK"); break;
                    case "RCPT": to.Add(Address(line)); await writer.WriteLineAsync("250 OK"); break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                            data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                        Messages.Enqueue(new Message(from, to.ToList(), data.ToString()));
                        to.Clear();
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "RSET": to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                    case "NOOP": await writer.WriteLineAsync("250 OK"); break;
                    case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                    default: await writer.WriteLineAsync("502 not implemented"); break;
                }
            }
        }
        catch (Exception) { /* the client went away */ }
    }

    private static string Address(string line)
    {
        var m = AngleAddress().Match(line);
        return m.Success ? m.Groups[1].Value : line;
    }

    /// <summary>Decodes =?charset?B|Q?…?= words (adjacent words joined without the space between them).</summary>
    public static string DecodeHeader(string value)
    {
        var joined = Regex.Replace(value, @"\?=\s+=\?", "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var enc = Encoding.GetEncoding(m.Groups[1].Value);
            var text = m.Groups[3].Value;
            if (m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)) return enc.GetString(Convert.FromBase64String(text));
            var bytes = new List<byte>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '=' && i + 2 < text.Length) { bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16)); i += 2; }
                else bytes.Add((byte)(text[i] == '_' ? ' ' : text[i]));
            }
            return enc.GetString(bytes.ToArray());
        });
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleAddress();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
