namespace Leadwise.Data.Export;

/// <summary>
/// One column of an export table. <paramref name="Required"/> columns must be present in the header
/// and non-empty in every row (ids and references); the others may be missing (a warning) or empty (null).
/// </summary>
public sealed record ExportColumn(string Name, FieldKind Kind, bool Required = false)
{
    /// <summary>The column's name in SQL: the header's camelCase as snake_case (<c>inviteSentAt</c> → <c>invite_sent_at</c>).</summary>
    public string SqlName { get; } = ToSnakeCase(Name);

    private static string ToSnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                if (builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
