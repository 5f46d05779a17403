using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Tests.Signals;

/// <summary>The signals run for every lead of a store: their common path must not allocate (bytes, not time, so it is deterministic).</summary>
public sealed class SignalsAllocationTests
{
    private static readonly string[] Titles = ["Senior Software Engineer", "Geschäftsführerin", "Assistenz der Geschäftsführung", "-"];
    private static readonly string[] Emails = ["anna.schmidt@acme.de", "anna@gmail.com", "x@mailinator.com", "test@test.com", "bad@", "-"];
    private static readonly string[] Texts = ["van der Berg", "d'Alembert", "asdfgh", "Schwertfeger", "Test ME", "n/a", "Siemens AG"];

    [Fact]
    public void Classifiers_do_not_allocate_once_warm()
    {
        // Given every path run once, so the tables are loaded
        RunAll();

        // When they run again
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunAll();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then nothing was allocated
        Assert.Equal(0, allocated);
    }

    private static void RunAll()
    {
        foreach (var title in Titles)
        {
            TitleSeniority.Classify(title);
        }

        foreach (var email in Emails)
        {
            EmailClassifier.Classify(email);
        }

        foreach (var text in Texts)
        {
            SpamSignals.IsNotCapitalised(text);
            SpamSignals.LooksLikeKeyboardMash(text);
            SpamSignals.IsPlaceholder(text);
        }
    }
}
