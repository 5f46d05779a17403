using System.Reflection;
using Leadwise.Core.Outreach;

namespace Leadwise.Core.Tests;

/// <summary>Dependencies point inward: Core is the centre and references only the BCL.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Lead).Assembly;

    [Fact]
    public void Core_ReferencesNoOtherLeadwiseAssembly()
    {
        // When
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // Then
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name.StartsWith("Leadwise", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_ReferencesOnlyAssembliesOfTheSharedFramework()
    {
        // Given: the BCL is what ships in the runtime's own folder, beside System.Private.CoreLib
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        // When
        var outside = Core.GetReferencedAssemblies()
            .Select(Assembly.Load)
            .Where(a => !string.Equals(Path.GetDirectoryName(a.Location), runtimeFolder, StringComparison.Ordinal))
            .Select(a => $"{a.GetName().Name} ({a.Location})")
            .ToList();

        // Then
        Assert.Empty(outside);
    }
}
