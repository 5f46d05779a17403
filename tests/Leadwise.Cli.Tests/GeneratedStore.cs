namespace Leadwise.Cli.Tests;

/// <summary>A store imported from `leadwise generate --leads 6000 --seed 3`, shared by a test class (generating is the slow part).</summary>
public sealed class GeneratedStore : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Database => _folder.Combine("leadwise.db");

    public TempFolder Folder => _folder;

    public async Task InitializeAsync()
    {
        var export = _folder.Combine("export");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "6000", "--seed", "3", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", Database)).ExitCode);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
