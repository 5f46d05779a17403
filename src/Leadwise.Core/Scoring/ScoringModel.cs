namespace Leadwise.Core.Scoring;

/// <summary>The six scoring models; each rule belongs to one, and each has its own subtotal.</summary>
public enum ScoringModel
{
    Demographics,
    Firmographics,
    Website,
    Email,
    Social,
    Spam,
}
