using System.Buffers;
using System.Text.Unicode;

namespace Leadwise.Data.Import;

/// <summary>Pins the first byte that is not UTF-8 to a line and column, so the user can find and fix it.</summary>
internal static class Utf8Diagnostics
{
    public static ImportIssue DescribeFirstInvalidByte(string path, string fileName)
    {
        var bytes = File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        var line = 1;
        var column = 1;
        var chars = new char[4096];
        while (!span.IsEmpty)
        {
            var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: true);
            foreach (var c in chars.AsSpan(0, charsWritten))
            {
                if (c == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            span = span[bytesRead..];
            if (status == OperationStatus.InvalidData)
            {
                return new ImportIssue(ImportSeverity.Error, fileName, line, column, null,
                    $"the file is not valid UTF-8 (byte 0x{span[0]:X2} here); save it as UTF-8");
            }

            if (status == OperationStatus.Done)
            {
                break;
            }
        }

        return new ImportIssue(ImportSeverity.Error, fileName, null, null, null, "the file is not valid UTF-8; save it as UTF-8");
    }
}
