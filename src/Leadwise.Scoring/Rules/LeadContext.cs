using Leadwise.Core.Scoring;
using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Rules;

/// <summary>Reads a field of the lead being scored.</summary>
internal delegate T FieldReader<out T>(ref LeadContext context);

/// <summary>
/// The lead being scored and its as-of time, with Signals' verdicts computed at most once per lead
/// (several fields read the email's kind), on the stack so scoring stays allocation-free.
/// </summary>
internal ref struct LeadContext(LeadFacts facts, DateTimeOffset asOf)
{
    private const int Unset = -1;

    private int _emailKind = Unset;
    private int _emailPlaceholder = Unset;

    public readonly LeadFacts Facts = facts;

    public readonly DateTimeOffset AsOf = asOf;

    public EmailKind EmailKind
    {
        get
        {
            if (_emailKind == Unset)
            {
                _emailKind = (int)EmailClassifier.Classify(Facts.Lead.Email);
            }

            return (EmailKind)_emailKind;
        }
    }

    public bool EmailIsPlaceholder
    {
        get
        {
            if (_emailPlaceholder == Unset)
            {
                _emailPlaceholder = SpamSignals.IsPlaceholder(Facts.Lead.Email) ? 1 : 0;
            }

            return _emailPlaceholder == 1;
        }
    }
}
