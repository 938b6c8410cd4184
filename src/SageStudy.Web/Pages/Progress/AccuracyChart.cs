using System.Globalization;
using System.Text;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Pages.Progress;

/// <summary>Accuracy per day as an inline SVG bar chart: server-rendered, so no chart script is needed.</summary>
public static class AccuracyChart
{
    private const int Width = 640;
    private const int Height = 180;
    private const int Left = 36;
    private const int Bottom = 24;

    public static string Svg(IReadOnlyList<DailyAccuracy> days, DateOnly today, int dayCount = 30)
    {
        var first = today.AddDays(1 - dayCount);
        var byDay = days.ToDictionary(d => d.Day);
        var plotWidth = Width - Left - 8;
        var plotHeight = Height - Bottom - 8;
        var slot = (double)plotWidth / dayCount;
        var svg = new StringBuilder();
        var summary = days.Count == 0 ? "No answers in the last 30 days." :
            $"Accuracy per day over the last {dayCount} days; {days.Sum(d => d.Answered)} answers.";
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{summary}\" xmlns=\"http://www.w3.org/2000/svg\">");

        foreach (var percent in new[] { 0, 50, 100 })
        {
            var y = 8 + plotHeight * (1 - percent / 100.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{percent}%</text>");
        }

        for (var i = 0; i < dayCount; i++)
        {
            var day = first.AddDays(i);
            var x = Left + i * slot;
            if (byDay.TryGetValue(day, out var stats) && stats.Answered > 0)
            {
                var barHeight = Math.Max(2, plotHeight * stats.Accuracy);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" x=\"{x + slot * 0.15:0.#}\" y=\"{8 + plotHeight - barHeight:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{barHeight:0.#}\"><title>{day:yyyy-MM-dd}: {stats.Correct} of {stats.Answered} right</title></rect>");
            }

            if (i % 7 == 0 || (i == dayCount - 1 && i % 7 > 3))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{x + slot / 2:0.#}\" y=\"{Height - 6}\" text-anchor=\"middle\">{day:MMM d}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
