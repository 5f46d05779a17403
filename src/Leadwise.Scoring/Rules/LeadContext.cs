using Leadwise.Core.Scoring;
using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Rules;

/// <summary>Reads a field of the lead being scored.</summary>
internal delegate T FieldReader<out T>(ref LeadContext context);

/// <summary>
/// The lead being scored and its as-of time, with Signals' verdicts computed at most once per lead
/// (several fields read the email's kind and the names' spam verdicts), on the stack so scoring stays
/// allocation-free. With <see cref="SignalMemos"/>, verdicts on titles, company names and first and last
/// names and full names come from the engine's memo; without, every verdict calls Signals directly (the reference path).
/// </summary>
internal ref struct LeadContext(LeadFacts facts, DateTimeOffset asOf, SignalMemos? memos = null)
{
    private const int Unset = -1;
    private const int LongestPlaceholder = 40;

    private readonly SignalMemos? _memos = memos;
    private int _emailKind = Unset;
    private int _emailPlaceholder = Unset;
    private TextVerdicts _title;
    private TextVerdicts _company;
    private TextVerdicts _firstName;
    private TextVerdicts _lastName;
    private TextVerdicts _fullName;

    public readonly LeadFacts Facts = facts;

    public readonly DateTimeOffset AsOf = asOf;

    /// <summary>True on the engine's optimised path (memoised verdicts and hits), false on the reference path.</summary>
    public readonly bool Optimised => _memos is not null;

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
                // An email is a placeholder exactly when it classifies as Test and is short enough to be one
                // (a placeholder without @, or a test address of at most 40 characters).
                _emailPlaceholder = _memos is null
                    ? (SpamSignals.IsPlaceholder(Facts.Lead.Email) ? 1 : 0)
                    : (EmailKind == EmailKind.Test && Facts.Lead.Email.AsSpan().Trim().Length <= LongestPlaceholder ? 1 : 0);
            }

            return _emailPlaceholder == 1;
        }
    }

    public Seniority Seniority => _memos is null ? TitleSeniority.Classify(Facts.Lead.Title) : Title().Seniority;

    /// <summary>companyName is present and neither a placeholder nor keyboard mash.</summary>
    public bool CompanyNameValid
    {
        get
        {
            var company = Facts.Lead.CompanyName;
            if (string.IsNullOrWhiteSpace(company))
            {
                return false;
            }

            if (_memos is null)
            {
                return !SpamSignals.IsPlaceholder(company) && !SpamSignals.LooksLikeKeyboardMash(company);
            }

            var verdicts = Company();
            return !verdicts.IsPlaceholder && !verdicts.IsKeyboardMash;
        }
    }

    /// <summary>First or last name starts lower case.</summary>
    public bool NameNotCapitalised
    {
        get
        {
            var lead = Facts.Lead;
            return _memos is null
                ? SpamSignals.IsNotCapitalised(lead.FirstName) || SpamSignals.IsNotCapitalised(lead.LastName)
                : FirstName().IsNotCapitalised || LastName().IsNotCapitalised;
        }
    }

    /// <summary>Name, first or last name, company or title looks like keyboard mash.</summary>
    public bool AnyKeyboardMash
    {
        get
        {
            var lead = Facts.Lead;
            if (_memos is null)
            {
                return SpamSignals.LooksLikeKeyboardMash(lead.FirstName)
                    || SpamSignals.LooksLikeKeyboardMash(lead.LastName)
                    || SpamSignals.LooksLikeKeyboardMash(lead.Name)
                    || SpamSignals.LooksLikeKeyboardMash(lead.CompanyName)
                    || SpamSignals.LooksLikeKeyboardMash(lead.Title);
            }

            // A run, a repeat or a word never crosses a space, so "first last" is mash exactly when a part is.
            return FirstName().IsKeyboardMash
                || LastName().IsKeyboardMash
                || (!IsFirstSpaceLast(lead.Name, lead.FirstName, lead.LastName) && FullName().IsKeyboardMash)
                || Company().IsKeyboardMash
                || Title().IsKeyboardMash;
        }
    }

    /// <summary>Email, company, title, name, first or last name is a placeholder.</summary>
    public bool AnyPlaceholder
    {
        get
        {
            var lead = Facts.Lead;
            if (EmailIsPlaceholder)
            {
                return true;
            }

            if (_memos is null)
            {
                return SpamSignals.IsPlaceholder(lead.CompanyName)
                    || SpamSignals.IsPlaceholder(lead.Title)
                    || SpamSignals.IsPlaceholder(lead.Name)
                    || SpamSignals.IsPlaceholder(lead.FirstName)
                    || SpamSignals.IsPlaceholder(lead.LastName);
            }

            return Company().IsPlaceholder
                || Title().IsPlaceholder
                || FirstName().IsPlaceholder
                || LastName().IsPlaceholder
                || FullName().IsPlaceholder;
        }
    }

    /// <summary>True when <paramref name="name"/> is exactly <paramref name="first"/>, a space, <paramref name="last"/>.</summary>
    internal static bool IsFirstSpaceLast(string? name, string? first, string? last)
    {
        if (name is null || first is null || last is null || name.Length != first.Length + 1 + last.Length)
        {
            return false;
        }

        var span = name.AsSpan();
        return span[first.Length] == ' '
            && span[..first.Length].SequenceEqual(first)
            && span[(first.Length + 1)..].SequenceEqual(last);
    }

    private TextVerdicts Title()
    {
        if (_title.IsEmpty)
        {
            _title = _memos!.Titles.Of(Facts.Lead.Title, withSeniority: true);
        }

        return _title;
    }

    private TextVerdicts Company()
    {
        if (_company.IsEmpty)
        {
            _company = _memos!.Companies.Of(Facts.Lead.CompanyName);
        }

        return _company;
    }

    private TextVerdicts FirstName()
    {
        if (_firstName.IsEmpty)
        {
            _firstName = _memos!.Names.Of(Facts.Lead.FirstName);
        }

        return _firstName;
    }

    private TextVerdicts FullName()
    {
        if (_fullName.IsEmpty)
        {
            _fullName = _memos!.FullNames.Of(Facts.Lead.Name);
        }

        return _fullName;
    }

    private TextVerdicts LastName()
    {
        if (_lastName.IsEmpty)
        {
            _lastName = _memos!.Names.Of(Facts.Lead.LastName);
        }

        return _lastName;
    }
}
