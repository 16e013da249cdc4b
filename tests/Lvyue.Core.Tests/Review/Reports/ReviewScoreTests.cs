using Lvyue.Review.Reports;
using Lvyue.Review.Reviews;

namespace Lvyue.Tests.Review.Reports;

/// <summary>The score by group: 100 minus 20 / 5 / 1 per high / medium / low finding not dismissed; overall the mean.</summary>
public sealed class ReviewScoreTests
{
    [Fact]
    public void Score_WeighsFindingsBySeverity_LeavesOutDismissedOnes_AndAveragesTheGroups()
    {
        var score = ReviewScore.Of(ReviewReportFixture.Source().Review)!;

        Assert.Equal(80, score["compliance"].Score);          // one open high
        Assert.Equal(80, score["severe"].Score);              // one accepted high still counts until the text is fixed
        Assert.Equal(95, score["general"].Score);             // one open medium; the dismissed medium does not count
        Assert.Equal(1, score["general"].Dismissed);
        Assert.Equal(79, score["missing"].Score);             // high 20 + low 1
        Assert.Equal(84, score.Overall);                      // (80 + 80 + 95 + 79) / 4 = 83.5, half up
        Assert.Equal(4, score.Open);
        Assert.Equal(2, score.OpenHigh);                      // the accepted high is answered
        Assert.Equal(0, score["severe"].OpenHigh);
    }

    [Fact]
    public void Score_IsNeverBelowZero_AndACleanReviewScoresHundred()
    {
        var many = Enumerable.Range(1, 6).Select(i => ReviewReportFixture.Missing(i, $"MIS-X-{i:000}", "x" + i, "high"));
        var score = ReviewScore.Of(many);
        Assert.Equal(0, score["missing"].Score);
        Assert.Equal(75, score.Overall);
        Assert.Equal(6, score.OpenHigh);

        var clean = ReviewScore.Of([]);
        Assert.All(clean.Groups, g => Assert.Equal(100, g.Score));
        Assert.Equal(100, clean.Overall);
    }

    [Fact]
    public void Score_OfAnUnreadableDocument_IsNone()
    {
        Assert.Null(ReviewScore.Of(ReviewReportFixture.Source(error: "the document could not be read / 文档无法读取").Review));
        Assert.Equal(0, ReviewScore.Of([ReviewReportFixture.At(1, "R", "general", "low", "验收", FindingDisposition.Dismissed, "不适用")]).Open);
    }
}
