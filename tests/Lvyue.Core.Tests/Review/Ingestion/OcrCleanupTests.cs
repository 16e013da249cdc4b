using Lvyue.Review.Ingestion;

namespace Lvyue.Tests.Review.Ingestion;

/// <summary>The figure misreadings of tesseract's Chinese model mended, taken from the corpus's scans; words left alone.</summary>
public sealed class OcrCleanupTests
{
    [Theory]
    [InlineData("合同总价 : 人民币960, 000. 00元 (大写", "合同总价 : 人民币960,000.00元 (大写")]
    [InlineData("(¥ 4, 258, 000. 00元) 。", "(¥ 4,258,000.00元) 。")]
    [InlineData("联系电话 : 0791- 86208875", "联系电话 : 0791-86208875")]
    [InlineData("协议编号 : ZRZY- DA- 2024- 06", "协议编号 : ZRZY-DA-2024-06")]
    [InlineData("甲方向乙方支付合同总价的30%6，", "甲方向乙方支付合同总价的30%，")]
    [InlineData("甲方向乙方支付合同总价的709%6;", "甲方向乙方支付合同总价的70%;")]
    [InlineData("甲方向乙方支付合同总价的1009%b;", "甲方向乙方支付合同总价的100%;")]
    [InlineData("人民币840, 000.0005 (大写: 捌拾肆万元整)", "人民币840,000.00元 (大写: 捌拾肆万元整)")]
    [InlineData("乙方 〈供应商) : 江州晨光", "乙方（供应商） : 江州晨光")]
    [InlineData("政府采购合同 〈货物类)", "政府采购合同（货物类）")]
    [InlineData("乙方这期交货的，每这期一日，按合同总价", "乙方逾期交货的，每逾期一日，按合同总价")]
    [InlineData("甲方无正当理由谊期付款的", "甲方无正当理由逾期付款的")]
    [InlineData("人民币213,000.00元 大写 : 项拾过万参什元整) 。", "人民币213,000.00元 大写 : 贰拾壹万叁仟元整) 。")]
    [InlineData("人民币 〈大写) 肆个贰拾伍万拥什元整 〈", "人民币（大写） 肆佰贰拾伍万捌仟元整 〈")]
    [InlineData("合同编号 : JZCG. 2024- 0705", "合同编号 : JZCG-2024-0705")]
    [InlineData("第一条 ”货物名称、规格及数量", "第一条 货物名称、规格及数量")]
    [InlineData("法定代表人或授权代表 (签字) “:", "法定代表人或授权代表 (签字):")]
    public void MendsTheFigure(string ocr, string expected) => Assert.Equal(expected, OcrCleanup.Clean(ocr));

    [Theory]
    [InlineData("共计 3, 20 册")] // two digits after the comma: not a thousands group
    [InlineData("数量 1,000.005 件")] // no parenthesis of an amount in words after it
    [InlineData("第三条 交货时间、地点和方式")]
    [InlineData("这期工程的监理单位")] // 这期 not followed by lateness
    [InlineData("大写 : 人民币玖拾陆万元整")] // 人民币 is not a numeral look-alike: the run is left as read
    [InlineData("项目编号 : A. 2024")] // a single letter is not a code's prefix
    [InlineData("乙方逾期交货的，每逾期一日按合同总价的万分之五支付违约金。")]
    public void LeavesOtherTextAlone(string ocr) => Assert.Equal(ocr, OcrCleanup.Clean(ocr));

    [Fact]
    public void KeepsAShareThatIsNotInFives() => Assert.Equal("税率为39%，", OcrCleanup.Clean("税率为39%6，"));
}
