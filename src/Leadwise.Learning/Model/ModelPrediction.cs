namespace Leadwise.Learning.Model;

/// <summary>A calibrated conversion probability, the same as a 0–100 score, and its grade.</summary>
public sealed record ModelPrediction(double Probability, int Score, string Grade);
