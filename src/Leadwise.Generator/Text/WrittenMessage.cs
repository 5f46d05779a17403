namespace Leadwise.Generator.Text;

/// <summary>A generated message's content and the summed effect of the phrases it was built from (reply logit, unscaled).</summary>
internal readonly record struct WrittenMessage(string Content, double WordingEffect);
