using BenchmarkDotNet.Attributes;
using Leadwise.Data.Export;

namespace Leadwise.Bench;

/// <summary>The export's timestamp form is parsed millions of times per import.</summary>
[MemoryDiagnoser]
public class TimestampBenchmarks
{
    private readonly string[] _values =
    [
        "2023-10-19 10:31:45.096+00",
        "2023-10-19 10:31:45+02",
        "2024-02-29 23:59:59.123456+05:30",
        "2023-01-01 00:00:00.5+00",
    ];

    [Benchmark]
    public long ParseExportTimestamp()
    {
        long sum = 0;
        foreach (var value in _values)
        {
            ExportValues.TryParseTimestamp(value, out var parsed);
            sum += parsed.UtcTicks;
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public long ParseWithDateTimeOffsetParseExact()
    {
        string[] formats = ["yyyy-MM-dd HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz"];
        long sum = 0;
        foreach (var value in _values)
        {
            DateTimeOffset.TryParseExact(value, formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed);
            sum += parsed.UtcTicks;
        }

        return sum;
    }
}
