using SageStudy.Web.Progress;

namespace SageStudy.Web.Tests.Progress;

// Reference numbers come from ts-fsrs 5.4.2 ("v5.4.2 using FSRS-6.0", npm), FSRSAlgorithm with
// default parameters and enable_short_term = true, calling next_state / forgetting_curve /
// interval_modifier directly (no scheduler, so no learning steps, fuzz or whole-day rounding).
// ts-fsrs rounds its results to 8 decimals, hence the small relative tolerance.
public class FsrsTests
{
    private const double RelativeTolerance = 1e-5;

    private static readonly Fsrs Scheduler = new();

    private static void AssertClose(double expected, double actual)
    {
        var allowed = Math.Max(Math.Abs(expected) * RelativeTolerance, 1e-9);
        Assert.True(
            Math.Abs(expected - actual) <= allowed,
            $"Expected {expected:R} but got {actual:R} (tolerance {allowed:R}).");
    }

    private static void AssertState(double stability, double difficulty, MemoryState actual)
    {
        AssertClose(stability, actual.Stability);
        AssertClose(difficulty, actual.Difficulty);
    }

    [Fact]
    public void DefaultParameters_AreThePublishedFsrs6Values()
    {
        double[] published =
        [
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
            1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
        ];
        Assert.Equal(published, Fsrs.DefaultParameters);
    }

    [Fact]
    public void DefaultParameters_CannotBeModified()
    {
        var asList = Assert.IsAssignableFrom<IList<double>>(Fsrs.DefaultParameters);
        Assert.Throws<NotSupportedException>(() => asList[0] = 99);
    }

    // ts-fsrs 5.4.2: next_state(null, 0, g). S0 = w[G-1]; D0 = w4 - e^(w5(G-1)) + 1, clamped to [1, 10]
    // (Easy is -4.7716307 before the clamp).
    [Theory]
    [InlineData(Grade.Again, 0.212, 6.4133)]
    [InlineData(Grade.Hard, 1.2931, 5.11217071)]
    [InlineData(Grade.Good, 2.3065, 2.11810397)]
    [InlineData(Grade.Easy, 8.2956, 1.0)]
    public void First_GivesInitialStabilityAndDifficulty(Grade grade, double stability, double difficulty)
    {
        AssertState(stability, difficulty, Scheduler.First(grade));
    }

    [Fact]
    public void Retrievability_IsOneRightAfterReview()
    {
        Assert.Equal(1.0, Scheduler.Retrievability(new MemoryState(2.3065, 5), 0));
    }

    [Theory]
    [InlineData(0.212)]
    [InlineData(2.3065)]
    [InlineData(50)]
    [InlineData(3650)]
    public void Retrievability_IsNinetyPercentWhenElapsedEqualsStability(double stability)
    {
        AssertClose(0.9, Scheduler.Retrievability(new MemoryState(stability, 5), stability));
    }

    // ts-fsrs 5.4.2: forgetting_curve(t, S) with default w20 = 0.1542.
    [Theory]
    [InlineData(10, 2.3065, 0.77436692)]
    [InlineData(100, 8.2956, 0.6748012)]
    [InlineData(1.5, 0.212, 0.72657079)]
    public void Retrievability_MatchesReferenceCurve(double elapsedDays, double stability, double expected)
    {
        AssertClose(expected, Scheduler.Retrievability(new MemoryState(stability, 5), elapsedDays));
    }

    [Theory]
    [InlineData(0.212)]
    [InlineData(2.3065)]
    [InlineData(50)]
    public void IntervalDays_EqualsStabilityAtNinetyPercent(double stability)
    {
        AssertClose(stability, Scheduler.IntervalDays(new MemoryState(stability, 5)));
    }

    // ts-fsrs 5.4.2: S * interval_modifier for FSRSAlgorithm(request_retention = r), unrounded.
    [Theory]
    [InlineData(0.8, 165.79799)]
    [InlineData(0.95, 20.1279345)]
    [InlineData(0.7, 464.395561)]
    public void IntervalDays_MatchesReferenceForOtherRetentions(double retention, double expected)
    {
        var fsrs = new Fsrs(desiredRetention: retention);
        var state = new MemoryState(50, 5);

        var interval = fsrs.IntervalDays(state);

        AssertClose(expected, interval);
        // Waiting exactly the interval lands on the desired retention.
        AssertClose(retention, fsrs.Retrievability(state, interval));
    }

    [Fact]
    public void ReviewSequence_MatchesReferenceStepByStep()
    {
        // ts-fsrs 5.4.2, one card: next_state(null, 0, Good), then next_state(s, t, g) for
        // (t = the unrounded interval 2.3065, Good), (t = 20, Again), (t = 5, Easy), (t = 3, Hard).
        var state = Scheduler.First(Grade.Good);
        AssertState(2.3065, 2.11810397, state);

        var interval = Scheduler.IntervalDays(state);
        AssertClose(2.3065, interval);
        state = Scheduler.Next(state, interval, Grade.Good);
        AssertState(11.90912271, 2.11121424, state);

        AssertClose(0.86065095, Scheduler.Retrievability(state, 20));
        state = Scheduler.Next(state, 20, Grade.Again);
        AssertState(1.70991315, 7.39223814, state);

        AssertClose(0.81176975, Scheduler.Retrievability(state, 5));
        state = Scheduler.Next(state, 5, Grade.Easy);
        AssertState(12.81554448, 6.50607402, state);

        state = Scheduler.Next(state, 3, Grade.Hard);
        AssertState(16.53707684, 7.66579748, state);
    }

    // ts-fsrs 5.4.2: next_state({S: 50, D: 5}, 30, g) — long-term recall and forgetting formulas.
    [Theory]
    [InlineData(Grade.Again, 2.72688486, 8.34176237)]
    [InlineData(Grade.Hard, 84.4419983, 6.66599536)]
    [InlineData(Grade.Good, 107.2697012, 4.99022837)]
    [InlineData(Grade.Easy, 157.26042338, 3.31446137)]
    public void Next_LongTermReview_MatchesReference(Grade grade, double stability, double difficulty)
    {
        AssertState(stability, difficulty, Scheduler.Next(new MemoryState(50, 5), 30, grade));
    }

    [Fact]
    public void Next_AfterLapse_IsBoundedBySameDayAgainStability()
    {
        // ts-fsrs 5.4.2: next_state({S: 0.005, D: 1}, 1000, Again). The raw forgetting formula gives
        // 0.00786628, so the bound S / e^(w17*w18) = 0.00475864 must win.
        AssertState(0.00475864, 7.02698957, Scheduler.Next(new MemoryState(0.005, 1), 1000, Grade.Again));
    }

    [Fact]
    public void Next_UsesFractionalElapsedDaysWithoutRounding()
    {
        // ts-fsrs 5.4.2: next_state({S: 2.3065, D: 2.11810397}, t, Good) for t = 1.5 and t = 2.
        var state = new MemoryState(2.3065, 2.11810397);
        AssertState(9.26332495, 2.11121424, Scheduler.Next(state, 1.5, Grade.Good));
        AssertState(10.96433194, 2.11121424, Scheduler.Next(state, 2, Grade.Good));
    }

    // ts-fsrs 5.4.2: next_state(next_state(null, 0, Again), 0, g). ts-fsrs takes this branch only
    // for t == 0; here any elapsed time under a day must give the same result.
    [Theory]
    [InlineData(Grade.Again, 0.0, 0.08335672, 8.80630447)]
    [InlineData(Grade.Hard, 0.0, 0.212, 7.60420977)]
    [InlineData(Grade.Good, 0.0, 0.24668919, 6.40211507)]
    [InlineData(Grade.Easy, 0.0, 0.42437996, 5.20002037)]
    [InlineData(Grade.Again, 0.3, 0.08335672, 8.80630447)]
    [InlineData(Grade.Good, 0.5, 0.24668919, 6.40211507)]
    [InlineData(Grade.Easy, 0.99, 0.42437996, 5.20002037)]
    public void Next_SameDayAfterAgain_UsesShortTermFormula(Grade grade, double elapsedDays, double stability, double difficulty)
    {
        var first = Scheduler.First(Grade.Again);
        AssertState(stability, difficulty, Scheduler.Next(first, elapsedDays, grade));
    }

    // ts-fsrs 5.4.2: next_state({S: 50, D: 5}, 0, g). Hard and Good would shrink S here
    // (S^-w19 < 1 for large S) but a passing same-day grade may not lower stability.
    [Theory]
    [InlineData(Grade.Again, 13.72320083, 8.34176237)]
    [InlineData(Grade.Hard, 50.0, 6.66599536)]
    [InlineData(Grade.Good, 50.0, 4.99022837)]
    [InlineData(Grade.Easy, 69.86661272, 3.31446137)]
    public void Next_SameDayOnMatureCard_NeverLowersStabilityOnPass(Grade grade, double stability, double difficulty)
    {
        AssertState(stability, difficulty, Scheduler.Next(new MemoryState(50, 5), 0.2, grade));
    }

    [Fact]
    public void Next_SameDayAfterGood_MatchesReference()
    {
        // ts-fsrs 5.4.2: next_state(next_state(null, 0, Good), 0, Again / Easy).
        var first = Scheduler.First(Grade.Good);
        AssertState(0.77508398, 7.39450274, Scheduler.Next(first, 0, Grade.Again));
        AssertState(3.94605407, 1.0, Scheduler.Next(first, 0, Grade.Easy));
    }

    [Theory]
    [InlineData(false, 1, 10, Grade.Again)]
    [InlineData(false, 30, 10, Grade.Again)]
    [InlineData(true, 1, 10, Grade.Easy)]
    [InlineData(true, 9.999, 10, Grade.Easy)]
    [InlineData(true, 10, 10, Grade.Good)]
    [InlineData(true, 30, 10, Grade.Good)]
    public void GradeFor_MapsCorrectnessAndSpeed(bool correct, double answerSeconds, double thresholdSeconds, Grade expected)
    {
        Assert.Equal(
            expected,
            Fsrs.GradeFor(correct, TimeSpan.FromSeconds(answerSeconds), TimeSpan.FromSeconds(thresholdSeconds)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(22)]
    public void Constructor_RejectsWrongParameterCount(int count)
    {
        var parameters = Enumerable.Repeat(0.5, count).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => new Fsrs(parameters));
        Assert.Equal("parameters", ex.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RejectsNonFiniteParameters(double bad)
    {
        var parameters = Fsrs.DefaultParameters.ToArray();
        parameters[3] = bad;
        var ex = Assert.Throws<ArgumentException>(() => new Fsrs(parameters));
        Assert.Equal("parameters", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_RejectsRetentionOutsideOpenUnitInterval(double retention)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Fsrs(desiredRetention: retention));
        Assert.Equal("desiredRetention", ex.ParamName);
    }

    [Fact]
    public void Constructor_UsesGivenParametersAndCopiesThem()
    {
        var parameters = Fsrs.DefaultParameters.ToArray();
        parameters[2] = 5.0;
        var fsrs = new Fsrs(parameters);

        parameters[2] = 7.0;

        // S0(Good) = w2 as it was at construction time.
        Assert.Equal(5.0, fsrs.First(Grade.Good).Stability);
    }

    [Fact]
    public void Next_RejectsInvalidInput()
    {
        var state = new MemoryState(2.3065, 2.11810397);
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.Next(state, -1, Grade.Good));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.Next(state, double.NaN, Grade.Good));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.Next(state, 1, (Grade)5));
        Assert.Throws<ArgumentException>(() => Scheduler.Next(default, 1, Grade.Good));
        Assert.Throws<ArgumentException>(() => Scheduler.Next(new MemoryState(2, 11), 1, Grade.Good));
    }
}
