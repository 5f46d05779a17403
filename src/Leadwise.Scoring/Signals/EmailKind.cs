namespace Leadwise.Scoring.Signals;

/// <summary>What an email address says about a lead.</summary>
public enum EmailKind
{
    /// <summary>No address: null, empty or whitespace.</summary>
    Missing,

    /// <summary>Not a syntactically valid address.</summary>
    Invalid,

    /// <summary>A test or placeholder address (test@test.com, anything at example.com).</summary>
    Test,

    /// <summary>An address at a throwaway (disposable) mail provider.</summary>
    Disposable,

    /// <summary>An address at a free consumer mail provider.</summary>
    FreeMail,

    /// <summary>Any other valid address, presumably a company's own domain.</summary>
    Corporate,
}
