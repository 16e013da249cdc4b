using Lvyue.Organizations;

namespace Lvyue.Tests.Organizations;

/// <summary>The GB 32100-2015 unified social credit code: alphabet, length, division code and check character.</summary>
public sealed class UsccTests
{
    // 91350100M000100Y43: the sample code commonly quoted for GB 32100-2015; its check character 3 was
    // recomputed by hand: Σ value·3^i mod 31 over the first 17 characters = 28, 31 − 28 = 3.
    private const string Known = "91350100M000100Y43";

    // Check characters of the other codes computed by an independent implementation of the standard.
    [Theory]
    [InlineData(Known)]
    [InlineData("91440300MA5FXXXX7H")]
    [InlineData("12440303455878990N")]
    [InlineData("91110000100000000R")]
    [InlineData("521000005000012346")]
    public void Uscc_AcceptsCodesWithTheRightCheckCharacter(string code)
    {
        Assert.True(Uscc.IsValid(code), Uscc.Explain(code));
        Assert.Equal(code, Uscc.Complete(code[..17]));
    }

    [Fact]
    public void Uscc_ComputesTheCheckCharacterOfTheKnownCode() => Assert.Equal('3', Uscc.CheckCharacter(Known.AsSpan(0, 17)));

    [Fact]
    public void Uscc_ComputesCheckCharacterZeroWhenTheSumIsAMultipleOf31()
    {
        // Prefix chosen so that Σ value·weight ≡ 0 (mod 31); the check value 31 wraps to '0'.
        var prefix = Enumerable.Range(0, 31).Select(c => "9135010000000000" + Uscc.Alphabet[c]).First(p => Weighted(p) % 31 == 0);
        Assert.Equal('0', Uscc.CheckCharacter(prefix));
        Assert.True(Uscc.IsValid(prefix + "0"));
    }

    [Fact]
    public void Uscc_RefusesAWrongCheckCharacterAndNamesTheRightOne()
    {
        var why = Uscc.Explain("91350100M000100Y44");
        Assert.NotNull(why);
        Assert.Contains("“3”", why);
        Assert.Contains("'3'", why);
        Assert.False(Uscc.IsValid("91350100M000100Y44"));
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    public void Uscc_RefusesTheForbiddenLetters(char letter)
    {
        var code = "91350100" + letter + "000100Y43";
        var why = Uscc.Explain(code);
        Assert.NotNull(why);
        Assert.Contains($"第9位字符“{letter}”", why);
        Assert.Throws<ArgumentException>(() => Uscc.CheckCharacter(code.AsSpan(0, 17)));
    }

    [Theory]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y431", 19)]
    [InlineData("9135", 4)]
    public void Uscc_RefusesCodesThatAreNot18CharactersLong(string code, int length)
    {
        var why = Uscc.Explain(code);
        Assert.NotNull(why);
        Assert.Contains($"实为{length}位", why);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Uscc_RefusesAnEmptyCode(string? code) => Assert.Contains("不能为空", Uscc.Explain(code));

    [Fact]
    public void Uscc_RefusesLettersWhereTheDivisionCodeMustBeDigits()
    {
        var code = Uscc.Complete("9135A100M000100Y4");
        Assert.Contains("行政区划", Uscc.Explain(code));
    }

    [Fact]
    public void Uscc_NormalizesLowerCaseAndSpaces()
    {
        Assert.Equal(Known, Uscc.Normalize("  91350100m000100y43 "));
        Assert.True(Uscc.IsValid("91350100m000100y43"));
        Assert.Equal('3', Uscc.CheckCharacter("91350100m000100y4"));
    }

    private static int Weighted(string first17)
    {
        var sum = 0;
        var w = 1;
        foreach (var ch in first17)
        {
            sum += Uscc.Alphabet.IndexOf(ch) * w;
            w = w * 3 % 31;
        }
        return sum;
    }
}
