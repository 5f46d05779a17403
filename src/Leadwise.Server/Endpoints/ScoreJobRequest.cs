namespace Leadwise.Server.Endpoints;

/// <summary>The optional body of <c>POST /api/jobs/score</c>: the time the scores are as of (ISO 8601; when the job is accepted unless given), as <c>leadwise score --as-of</c>.</summary>
internal sealed record ScoreJobRequest(DateTimeOffset? AsOf);
