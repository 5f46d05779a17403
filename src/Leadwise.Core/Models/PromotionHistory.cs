namespace Leadwise.Core.Models;

/// <summary>
/// Which version of a kind is promoted and which one a rollback returns to, from the promotions in the
/// order they happened. A rollback is itself recorded as a promotion, so the history is never rewritten;
/// rolling back twice goes two steps back rather than toggling between two versions.
/// </summary>
public sealed class PromotionHistory
{
    private readonly List<ModelPromotion> _promotions;

    public PromotionHistory(IEnumerable<ModelPromotion> promotionsInOrder)
    {
        ArgumentNullException.ThrowIfNull(promotionsInOrder);
        _promotions = [.. promotionsInOrder];
    }

    /// <summary>The version scoring uses now, or null when nothing was ever promoted.</summary>
    public int? Current => _promotions.Count == 0 ? null : _promotions[^1].Version;

    /// <summary>
    /// The version promoted before the current one took over, skipping versions that were themselves left
    /// by a rollback; null when there is nothing to go back to.
    /// </summary>
    public int? RollbackTarget()
    {
        // Replay the history as a stack: a promotion pushes, a return to the version below the top pops.
        var stack = new List<int>();
        foreach (var promotion in _promotions)
        {
            if (stack.Count >= 2 && stack[^2] == promotion.Version)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else if (stack.Count == 0 || stack[^1] != promotion.Version)
            {
                stack.Add(promotion.Version);
            }
        }

        return stack.Count >= 2 ? stack[^2] : null;
    }
}
