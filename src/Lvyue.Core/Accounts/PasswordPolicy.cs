using Microsoft.AspNetCore.Identity;

namespace Lvyue.Accounts;

/// <summary>
/// Account security settings (section <c>Security</c>), defaults as China's graded protection (等保)
/// expects: at least 8 characters of 3 kinds, lockout for 15 minutes after 5 failures, idle sessions
/// end after 30 minutes.
/// </summary>
public sealed class SecurityOptions
{
    public int PasswordMinLength { get; set; } = 8;
    /// <summary>How many of the four kinds (lower, upper, digit, symbol) a password must mix.</summary>
    public int PasswordMinKinds { get; set; } = 3;
    public int LockoutFailures { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int IdleTimeoutMinutes { get; set; } = 30;
}

/// <summary>Requires a password to mix <see cref="SecurityOptions.PasswordMinKinds"/> kinds of characters.</summary>
public sealed class CharacterKindsPasswordValidator(SecurityOptions options) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var kinds = (password.Any(char.IsAsciiLetterLower) ? 1 : 0) + (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
                  + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (kinds >= options.PasswordMinKinds) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordKinds",
            Description = $"密码须包含大写字母、小写字母、数字、符号中的至少{options.PasswordMinKinds}种 / " +
                          $"The password must mix at least {options.PasswordMinKinds} of: upper case, lower case, digits, symbols",
        }));
    }
}
