using System.ComponentModel;
using System.Diagnostics;
using Lvyue.Common;

namespace Lvyue.Review.Ingestion;

/// <summary>
/// Runs a command-line tool with its standard output captured, under a time limit: a tool still running at the limit
/// is killed with its child processes. A tool that cannot be started is reported naming the Debian package to install.
/// </summary>
internal static class ExternalTool
{
    /// <summary>The captured standard output (UTF-8) of a successful run.</summary>
    public static async Task<string> RunAsync(string path, string package, IReadOnlyList<string> args, TimeSpan timeout,
        CancellationToken ct)
    {
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        var name = Path.GetFileName(path);
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw Missing(name, package);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* it exited meanwhile */ }
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            throw new DomainException(ErrorKind.Invalid, new Msg(
                $"{name} 在 {timeout.TotalSeconds:0.#} 秒内未完成，已终止",
                $"{name} did not finish within {timeout.TotalSeconds:0.#} s and was killed"));
        }
        var output = await stdout.ConfigureAwait(false);
        var error = (await stderr.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            if (error.Length > 500) error = error[..500];
            throw new DomainException(ErrorKind.Invalid, new Msg(
                $"{name} 无法读取该文件（退出码 {process.ExitCode}）：{error}",
                $"{name} could not read the file (exit code {process.ExitCode}): {error}"));
        }
        return output;
    }

    /// <summary>The refusal for a tool that is not installed.</summary>
    public static DomainException Missing(string name, string package) => new(ErrorKind.Invalid, new Msg(
        $"找不到外部工具 {name}：请安装 Debian 软件包 {package}（apt-get install {package}）",
        $"The external tool {name} was not found: install the Debian package {package} (apt-get install {package})"));
}
