namespace Leadwise.Scoring.Signals;

/// <summary>Signals' verdicts on one string, packed in a byte for <see cref="SignalMemo"/>; default means not judged yet.</summary>
internal readonly struct TextVerdicts
{
    private const byte Judged = 1;
    private const byte Mash = 2;
    private const byte Placeholder = 4;
    private const byte NotCapitalised = 8;
    private const int SeniorityShift = 4;

    private readonly byte _bits;

    private TextVerdicts(byte bits) => _bits = bits;

    /// <summary>The verdicts on a missing value: nothing flagged, seniority Unknown.</summary>
    public static TextVerdicts None { get; } = new((byte)(Judged | ((int)(Seniority.Unknown + 1) << SeniorityShift)));

    public bool IsEmpty => _bits == 0;

    public bool IsKeyboardMash => (_bits & Mash) != 0;

    public bool IsPlaceholder => (_bits & Placeholder) != 0;

    public bool IsNotCapitalised => (_bits & NotCapitalised) != 0;

    public bool HasSeniority => _bits >> SeniorityShift != 0;

    /// <summary>The title's seniority; only meaningful when <see cref="HasSeniority"/>.</summary>
    public Seniority Seniority => (Seniority)((_bits >> SeniorityShift) - 1);

    public static TextVerdicts Judge(string text)
    {
        var bits = Judged;
        if (SpamSignals.LooksLikeKeyboardMash(text))
        {
            bits |= Mash;
        }

        if (SpamSignals.IsPlaceholder(text))
        {
            bits |= Placeholder;
        }

        if (SpamSignals.IsNotCapitalised(text))
        {
            bits |= NotCapitalised;
        }

        return new TextVerdicts(bits);
    }

    public TextVerdicts WithSeniority(Seniority seniority) =>
        new((byte)((_bits & 0x0F) | (((int)seniority + 1) << SeniorityShift)));
}
