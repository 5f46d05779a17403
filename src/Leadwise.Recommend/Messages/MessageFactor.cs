using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Messages;

/// <summary>
/// One message's own effect beyond its properties: <paramref name="Factor"/> times the reply rate the sequence model
/// predicts from the message's properties and the leads it reached (the wording's quality, which no property names),
/// shrunk towards 1 by the message's evidence, with its posterior interval.
/// </summary>
/// <param name="Message">The message, <c>"&lt;order&gt;-&lt;campaignId&gt;"</c>.</param>
/// <param name="Name">The message's name in the export.</param>
/// <param name="Step">The step it is sent at.</param>
/// <param name="Sends">Sends that reached a lead who had not replied (hazard rows) in the data given.</param>
/// <param name="Replies">Replies to those sends.</param>
/// <param name="Factor">The posterior mean of the multiplier: above 1 replied to more than predicted.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
public sealed record MessageFactor(MessageKey Message, string? Name, int Step, int Sends, int Replies, double Factor, double Low, double High)
{
    /// <summary>The interval lies wholly above 1 (better than its properties predict) or wholly below it (worse).</summary>
    public bool IsClear => Low > 1 || High < 1;
}
