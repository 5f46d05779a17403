namespace Leadwise.Generator.Simulation;

/// <summary>
/// A small SplitMix64 stream. Each lead gets its own stream, seeded from the campaign seed and the lead's
/// index, so leads can be regenerated lazily in any pass and stay byte-identical. No allocation, and the
/// sequence does not depend on the runtime's <see cref="Random"/> implementation.
/// </summary>
internal struct StreamRandom(ulong seed)
{
    private ulong _state = seed;

    public static ulong Mix(ulong a, ulong b, ulong c = 0)
    {
        var x = a ^ (b * 0x9E3779B97F4A7C15UL) ^ (c * 0xC2B2AE3D27D4EB4FUL);
        return Finalise(Finalise(x) + b);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Finalise(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal (Box–Muller, one value per call).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Poisson with the given (small) mean; Knuth's product method, means above 30 are capped.</summary>
    public int NextPoisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-Math.Min(mean, 30.0));
        var count = 0;
        var product = NextDouble();
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int NextWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
