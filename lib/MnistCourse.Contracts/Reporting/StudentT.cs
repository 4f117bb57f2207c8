namespace MnistCourse.Reporting;

/// <summary>
/// Student's t distribution with any positive (also fractional, as Welch's test needs) degrees of freedom: the
/// cumulative probability from the regularized incomplete beta function, and quantiles by inverting it. Computed, not
/// tabulated, so every n of seeds and every Welch–Satterthwaite df gets the same accuracy (about 1e-12).
/// </summary>
/// <example><code>double t = StudentT.Quantile(0.975, 4); // 2.7764451051977987, scipy.stats.t.ppf(0.975, 4)</code></example>
public static class StudentT
{
    /// <summary>P(T ≤ <paramref name="t"/>) for <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsInfinity(t)) return t > 0 ? 1 : 0;
        double v = degreesOfFreedom;
        // P(|T| > |t|) = I_{v/(v+t²)}(v/2, 1/2); each tail is half of it.
        double tail = 0.5 * RegularizedBeta(v / (v + t * t), v / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="probability"/>: bisection on <see cref="Cdf"/> (monotone, so it cannot miss).</summary>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        if (!(probability > 0 && probability < 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability strictly between 0 and 1.");
        if (probability < 0.5) return -Quantile(1 - probability, degreesOfFreedom); // symmetric about 0
        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < probability) { low = high; high *= 2; }
        for (int i = 0; i < 200 && high - low > 1e-15 * high; i++)
        {
            double mid = 0.5 * (low + high);
            if (Cdf(mid, degreesOfFreedom) < probability) low = mid; else high = mid;
        }
        return 0.5 * (low + high);
    }

    private static void CheckDegrees(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Needs positive, finite degrees of freedom (at least two seeds).");
    }

    /// <summary>I_x(a, b) by its continued fraction (modified Lentz), on the side of x where it converges fast.</summary>
    private static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1 - front * BetaContinuedFraction(1 - x, b, a) / b;
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300, Epsilon = 1e-16;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
        double h = d;
        for (int m = 1; m <= 10_000; m++)
        {
            int m2 = 2 * m;
            for (int half = 0; half < 2; half++) // the even term, then the odd one
            {
                double coefficient = half == 0
                    ? m * (b - m) * x / ((a + m2 - 1) * (a + m2))
                    : -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
                d = 1 + coefficient * d;
                d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
                c = 1 + coefficient / c;
                if (Math.Abs(c) < Tiny) c = Tiny;
                double delta = c * d;
                h *= delta;
                if (half == 1 && Math.Abs(delta - 1) < Epsilon) return h;
            }
        }
        return h; // not reached for the arguments a t distribution gives
    }

    /// <summary>ln Γ(z) for z &gt; 0: Lanczos' approximation (g = 7, 9 terms), relative error about 1e-15.</summary>
    private static double LogGamma(double z)
    {
        if (z < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * z)) - LogGamma(1 - z); // reflection
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        z -= 1;
        double sum = c[0], t = z + 7.5;
        for (int i = 1; i < c.Length; i++) sum += c[i] / (z + i);
        return 0.5 * Math.Log(2 * Math.PI) + (z + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
