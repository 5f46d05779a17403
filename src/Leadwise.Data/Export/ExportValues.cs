using System.Globalization;

namespace Leadwise.Data.Export;

/// <summary>
/// The export's value encodings: <c>t</c>/<c>f</c> booleans and PostgreSQL's text timestamps
/// (<c>2023-10-19 10:31:45.096+00</c>, <c>…+05:30</c>, with or without a fraction). Timestamps are parsed
/// by hand because a million-lead import parses several million of them and the layout is fixed.
/// </summary>
public static class ExportValues
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        switch (text)
        {
            case "t" or "true":
                value = true;
                return true;
            case "f" or "false":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static string FormatBoolean(bool value) => value ? "t" : "f";

    /// <summary>
    /// Parses <c>yyyy-MM-dd HH:mm:ss[.fraction](+HH|+HH:MM|+HHMM|Z)</c> (a <c>T</c> may stand for the space)
    /// and returns it as UTC, rounded to whole microseconds like PostgreSQL. A missing offset is an error:
    /// the time would be ambiguous.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20
            || !TryDigits(text[..4], out var year) || text[4] != '-'
            || !TryDigits(text.Slice(5, 2), out var month) || text[7] != '-'
            || !TryDigits(text.Slice(8, 2), out var day) || (text[10] != ' ' && text[10] != 'T')
            || !TryDigits(text.Slice(11, 2), out var hour) || text[13] != ':'
            || !TryDigits(text.Slice(14, 2), out var minute) || text[16] != ':'
            || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            position++;
            var start = position;
            var scale = TimeSpan.TicksPerSecond;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                scale /= 10;
                fractionTicks += (text[position] - '0') * scale;
                position++;
            }

            if (position == start || position - start > 7)
            {
                return false;
            }
        }

        if (!TryParseOffset(text[position..], out var offsetMinutes))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        // PostgreSQL keeps microseconds; rounding here makes the store's value the one PostgreSQL would hold.
        fractionTicks = (fractionTicks + (TicksPerMicrosecond / 2)) / TicksPerMicrosecond * TicksPerMicrosecond;
        var utcTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks
            + fractionTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            // e.g. 0001-01-01 00:00:00+05: a valid text whose UTC instant DateTime cannot hold.
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Formats as the export does: UTC, <c>+00</c>, the fraction without trailing zeros.</summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var micros = utc.Ticks % TimeSpan.TicksPerSecond / TicksPerMicrosecond;
        var whole = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (micros == 0)
        {
            return whole + "+00";
        }

        var fraction = micros.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.Concat(whole, ".", fraction, "+00");
    }

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip form: <c>1</c> for 1.0, <c>0.5</c> for a half day.</summary>
    public static string FormatDouble(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool TryParseOffset(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        if (text is "Z")
        {
            return true;
        }

        if (text.Length < 3 || (text[0] != '+' && text[0] != '-') || !TryDigits(text.Slice(1, 2), out var hours))
        {
            return false;
        }

        var rest = text[3..];
        var extraMinutes = 0;
        if (rest.Length == 3 && rest[0] == ':')
        {
            rest = rest[1..];
        }

        if (rest.Length == 2)
        {
            if (!TryDigits(rest, out extraMinutes) || extraMinutes > 59)
            {
                return false;
            }
        }
        else if (!rest.IsEmpty)
        {
            return false;
        }

        if (hours > 15)
        {
            return false;
        }

        minutes = (text[0] == '-' ? -1 : 1) * ((hours * 60) + extraMinutes);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
