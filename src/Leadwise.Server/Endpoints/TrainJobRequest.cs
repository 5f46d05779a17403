namespace Leadwise.Server.Endpoints;

/// <summary>
/// The optional body of <c>POST /api/jobs/train</c>: <c>leadwise train</c>'s folds (5), seed (0), promote (false), timeSplit
/// (false) and account (none: install-wide models; a user id: that account's own models, trained on its leads only).
/// </summary>
internal sealed record TrainJobRequest(int? Folds, int? Seed, bool? Promote, bool? TimeSplit, long? Account);
