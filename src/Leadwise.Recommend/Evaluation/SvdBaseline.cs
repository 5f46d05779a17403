using Leadwise.Core.Outreach;
using Leadwise.Recommend.Hazards;
using MathNet.Numerics.LinearAlgebra;

namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// The seed project's recommender, as a baseline: a truncated SVD of the lead × message reply matrix (rows: training
/// leads, columns: messages, 1 = the lead replied to that message), each message scored by the mean of its column in the
/// rank-k reconstruction, and at each step the candidate with the highest score sent — the same messages for every lead
/// of a user, as the seed did (a new lead has no replies of its own to fold in).
/// </summary>
internal sealed class SvdBaseline
{
    private readonly Dictionary<MessageKey, double> _scores;

    private SvdBaseline(Dictionary<MessageKey, double> scores) => _scores = scores;

    /// <summary>The reconstructed column means; a message nobody replied to scores 0.</summary>
    public IReadOnlyDictionary<MessageKey, double> Scores => _scores;

    /// <summary>
    /// Fits on the training rows. Leads that never replied are all-zero rows: they change neither the right singular
    /// vectors nor the singular values, so only replying leads are decomposed (the column means divide by every lead).
    /// </summary>
    public static SvdBaseline Fit(HazardData training, int components)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        var replies = training.Hazards.Where(r => r.Replied).ToList();
        var columns = replies.Select(r => r.Message).Distinct().ToList();
        var rows = replies.Select(r => r.LeadId).Distinct().ToList();
        if (replies.Count == 0)
        {
            return new SvdBaseline([]);
        }

        var column = columns.Select((key, index) => (key, index)).ToDictionary(p => p.key, p => p.index);
        var row = rows.Select((lead, index) => (lead, index)).ToDictionary(p => p.lead, p => p.index);
        var matrix = Matrix<double>.Build.Dense(rows.Count, columns.Count);
        foreach (var reply in replies)
        {
            matrix[row[reply.LeadId], column[reply.Message]] = 1;
        }

        var svd = matrix.Svd(computeVectors: true);
        var k = Math.Min(components, svd.S.Count);
        var u = svd.U.SubMatrix(0, rows.Count, 0, k);
        var s = Matrix<double>.Build.DiagonalOfDiagonalVector(svd.S.SubVector(0, k));
        var vt = svd.VT.SubMatrix(0, k, 0, columns.Count);
        var reconstructed = u * s * vt;
        var leads = Math.Max(training.Leads.Count, rows.Count);
        var sums = reconstructed.ColumnSums();
        return new SvdBaseline(columns.ToDictionary(key => key, key => sums[column[key]] / leads));
    }

    /// <summary>At each step the candidate with the highest score (the first listed, i.e. the lead's own campaign's, on ties).</summary>
    public IReadOnlyList<MessageKey> Choose(IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep) =>
        [.. candidatesPerStep.Select(step => step.MaxBy(key => _scores.GetValueOrDefault(key))!)];
}
