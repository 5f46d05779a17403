namespace Leadwise.Testing.Exports;

/// <summary>How <see cref="ExportFolderBuilder"/> turns a file's text into bytes.</summary>
public enum FileEncoding
{
    /// <summary>UTF-8 without a byte order mark, as the outreach tool writes it.</summary>
    Utf8,
    /// <summary>UTF-8 with a byte order mark (EF BB BF), as Excel saves "CSV UTF-8".</summary>
    Utf8WithBom,
    /// <summary>UTF-16 little endian with its byte order mark (FF FE), as "Unicode text" is saved.</summary>
    Utf16WithBom,
    /// <summary>ISO-8859-1: <c>ä</c> becomes the single byte 0xE4, which is not UTF-8.</summary>
    Latin1,
}
