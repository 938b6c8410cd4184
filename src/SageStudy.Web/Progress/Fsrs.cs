namespace SageStudy.Web.Progress;

// The numeric values are part of the model: the formulas use G directly.
public enum Grade { Again = 1, Hard = 2, Good = 3, Easy = 4 }

// Stability is in days (the time for recall to fall to 90%); difficulty is in [1, 10].
public readonly record struct MemoryState(double Stability, double Difficulty);

// FSRS-6 memory model (21 parameters), after the open-spaced-repetition formulas.
// Pure maths only: no interval rounding, fuzz or learning steps, which belong to the caller.
public sealed class Fsrs
{
    private const int ParameterCount = 21;

    // Bounds used by the reference implementations (ts-fsrs, fsrs-rs, py-fsrs).
    private const double MinStability = 0.001;
    private const double MaxStability = 36500;
    private const double MinDifficulty = 1;
    private const double MaxDifficulty = 10;

    public static readonly IReadOnlyList<double> DefaultParameters = Array.AsReadOnly(new[]
    {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    });

    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;
    private readonly double _intervalPerStability;

    public Fsrs(IReadOnlyList<double>? parameters = null, double desiredRetention = 0.9)
    {
        parameters ??= DefaultParameters;
        if (parameters.Count != ParameterCount)
        {
            throw new ArgumentException(
                $"FSRS-6 needs exactly {ParameterCount} parameters, got {parameters.Count}.", nameof(parameters));
        }

        // Copy so a caller mutating its list cannot change a live scheduler.
        _w = parameters.ToArray();
        if (_w.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException("Parameters must be finite numbers.", nameof(parameters));
        }

        // w20 is the forgetting-curve decay; zero or negative makes the curve meaningless.
        if (_w[20] <= 0)
        {
            throw new ArgumentException("Parameter w20 (decay) must be positive.", nameof(parameters));
        }

        // Written as a negated range check so NaN is rejected too.
        if (!(desiredRetention > 0 && desiredRetention < 1))
        {
            throw new ArgumentException("Desired retention must be strictly between 0 and 1.", nameof(desiredRetention));
        }

        _decay = _w[20];
        // Chosen so that R(S, S) = 0.9, which is what "stability" means.
        _factor = Math.Pow(0.9, -1 / _decay) - 1;
        // Same expression as the factor, so retention 0.9 gives exactly 1 (interval == stability).
        _intervalPerStability = (Math.Pow(desiredRetention, -1 / _decay) - 1) / _factor;
    }

    public MemoryState First(Grade grade)
    {
        var g = CheckGrade(grade);
        return new MemoryState(
            ClampStability(_w[g - 1]),
            ClampDifficulty(InitialDifficulty(g)));
    }

    public MemoryState Next(MemoryState state, double elapsedDays, Grade grade)
    {
        var g = CheckGrade(grade);
        CheckStability(state.Stability, nameof(state));
        if (!double.IsFinite(state.Difficulty) || state.Difficulty < MinDifficulty || state.Difficulty > MaxDifficulty)
        {
            throw new ArgumentException("Difficulty must be between 1 and 10.", nameof(state));
        }
        CheckElapsed(elapsedDays);

        var s = state.Stability;
        var d = state.Difficulty;
        double next;
        if (elapsedDays < 1)
        {
            // A same-day review barely tests long-term memory, so FSRS-6 uses a separate formula.
            next = ShortTermStability(s, g);
        }
        else
        {
            // Elapsed days are used as given (not rounded): rounding is a caller policy.
            var r = RetrievabilityAt(s, elapsedDays);
            next = g == (int)Grade.Again ? StabilityAfterForgetting(d, s, r) : StabilityAfterRecall(d, s, r, g);
        }

        return new MemoryState(ClampStability(next), NextDifficulty(d, g));
    }

    public double Retrievability(MemoryState state, double elapsedDays)
    {
        CheckStability(state.Stability, nameof(state));
        CheckElapsed(elapsedDays);
        return RetrievabilityAt(state.Stability, elapsedDays);
    }

    public double IntervalDays(MemoryState state)
    {
        CheckStability(state.Stability, nameof(state));
        // Left unrounded: whole-day rounding, minimums and fuzz are scheduling policy.
        return Math.Max(0, state.Stability * _intervalPerStability);
    }

    public static Grade GradeFor(bool correct, TimeSpan answerTime, TimeSpan fastThreshold)
    {
        if (!correct)
        {
            return Grade.Again;
        }

        // We have no self-rating, so a quick correct answer stands in for "Easy".
        return answerTime < fastThreshold ? Grade.Easy : Grade.Good;
    }

    private double RetrievabilityAt(double stability, double elapsedDays) =>
        Math.Pow(1 + _factor * elapsedDays / stability, -_decay);

    private double InitialDifficulty(int g) => _w[4] - Math.Exp(_w[5] * (g - 1)) + 1;

    private double NextDifficulty(double d, int g)
    {
        var delta = -_w[6] * (g - 3);
        // Linear damping: steps shrink as D nears 10, so D cannot run away.
        var damped = d + delta * (10 - d) / 9;
        // Mean reversion toward the unclamped D0(Easy), as the reference implementations do.
        var reverted = _w[7] * InitialDifficulty((int)Grade.Easy) + (1 - _w[7]) * damped;
        return ClampDifficulty(reverted);
    }

    private double StabilityAfterRecall(double d, double s, double r, int g)
    {
        var hardPenalty = g == (int)Grade.Hard ? _w[15] : 1;
        var easyBonus = g == (int)Grade.Easy ? _w[16] : 1;
        var increase = Math.Exp(_w[8]) * (11 - d) * Math.Pow(s, -_w[9]) * (Math.Exp(_w[10] * (1 - r)) - 1);
        return s * (1 + increase * hardPenalty * easyBonus);
    }

    private double StabilityAfterForgetting(double d, double s, double r)
    {
        var forgotten = _w[11] * Math.Pow(d, -_w[12]) * (Math.Pow(s + 1, _w[13]) - 1) * Math.Exp(_w[14] * (1 - r));
        // A lapse may not leave the card more stable than a same-day "Again" would.
        return Math.Min(forgotten, s / Math.Exp(_w[17] * _w[18]));
    }

    private double ShortTermStability(double s, int g)
    {
        var increase = Math.Exp(_w[17] * (g - 3 + _w[18])) * Math.Pow(s, -_w[19]);
        // A passing same-day answer (Hard included, as in ts-fsrs 5.x / fsrs-rs / py-fsrs 6.3.2+)
        // must not lower stability; only Again may.
        if (g >= (int)Grade.Hard)
        {
            increase = Math.Max(increase, 1);
        }
        return s * increase;
    }

    private static double ClampStability(double s) => Math.Clamp(s, MinStability, MaxStability);

    private static double ClampDifficulty(double d) => Math.Clamp(d, MinDifficulty, MaxDifficulty);

    private static int CheckGrade(Grade grade) =>
        Enum.IsDefined(grade)
            ? (int)grade
            : throw new ArgumentOutOfRangeException(nameof(grade), grade, "Grade must be Again, Hard, Good or Easy.");

    private static void CheckStability(double stability, string paramName)
    {
        if (!double.IsFinite(stability) || stability <= 0)
        {
            throw new ArgumentException("Stability must be a positive finite number.", paramName);
        }
    }

    private static void CheckElapsed(double elapsedDays)
    {
        if (!double.IsFinite(elapsedDays) || elapsedDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(elapsedDays), elapsedDays, "Elapsed days must be finite and not negative.");
        }
    }
}
