namespace Leadwise.Testing.Exports;

/// <summary>Splits and joins one physical line of CSV text, keeping each field's raw text (quotes included).</summary>
public static class CsvRecordText
{
    public static IReadOnlyList<string> SplitRaw(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var inQuotes = false;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == ',' && !inQuotes)
            {
                fields.Add(line[start..i]);
                start = i + 1;
            }
        }

        fields.Add(line[start..]);
        return fields;
    }

    public static string Join(IEnumerable<string> fields) => string.Join(',', fields);
}
