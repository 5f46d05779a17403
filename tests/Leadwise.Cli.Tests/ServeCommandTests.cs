using Leadwise.Cli.Commands;

namespace Leadwise.Cli.Tests;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080;http://[::1]:5081", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("", false)]
    public void Reads_AreOpenWithoutAKey_OnlyWhenEveryAddressIsThisMachine(string urls, bool open) =>
        Assert.Equal(open, ServeCommand.ListensOnThisMachineOnly(urls));
}
