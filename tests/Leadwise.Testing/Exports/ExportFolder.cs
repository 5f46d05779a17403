namespace Leadwise.Testing.Exports;

/// <summary>A temp folder holding an export's files; deleted on dispose.</summary>
public sealed class ExportFolder : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    public string File(string name) => _directory.File(name);

    public void Dispose() => _directory.Dispose();
}
