namespace Leadwise.Testing;

/// <summary>A fresh directory under the system temp folder, deleted (with its contents) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leadwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside this directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A new, empty subdirectory.</summary>
    public string Subdirectory(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold a file for a moment; the OS cleans temp later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
