using System.Text.Json;
using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Truth;

/// <summary>
/// The ground truth of a generated export, reloaded from its <c>truth/</c> folder: the true model, every
/// message's profile and every lead's latent profile and true probabilities. Use it to evaluate any policy:
/// <c>truth.Model.ReplyProbability(truth.Profile(lead), sequence.Select(truth.Profile).ToList())</c>.
/// </summary>
public sealed class GroundTruth
{
    private readonly Dictionary<(UserId, MessageChannel), IReadOnlyList<IReadOnlyList<MessageProfile>>> _candidates;

    public GroundTruth(TrueReplyModel model, IReadOnlyDictionary<MessageKey, MessageProfile> messages, IReadOnlyDictionary<LeadId, LeadTruth> leads)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Messages = messages ?? throw new ArgumentNullException(nameof(messages));
        Leads = leads ?? throw new ArgumentNullException(nameof(leads));
        _candidates = messages.Values
            .GroupBy(message => (message.UserId, message.Channel))
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<IReadOnlyList<MessageProfile>>)Enumerable.Range(0, group.Max(m => m.Key.Order) + 1)
                    .Select(step => (IReadOnlyList<MessageProfile>)group.Where(m => m.Key.Order == step).OrderBy(m => m.Key.CampaignId.Value).ToArray())
                    .ToArray());
    }

    public TrueReplyModel Model { get; }

    /// <summary>The engagement-event model's parameters, when the truth files carry them (exports written before events existed do not).</summary>
    public EngagementModelParameters? Engagement { get; init; }

    public IReadOnlyDictionary<MessageKey, MessageProfile> Messages { get; }

    public IReadOnlyDictionary<LeadId, LeadTruth> Leads { get; }

    /// <summary>The true profile of an exported lead (looked up by id: latent attributes are not all visible).</summary>
    public LeadProfile Profile(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Leads.TryGetValue(lead.Id, out var truth) ? truth.Profile : throw new KeyNotFoundException($"lead {lead.Id} is not in the ground truth");
    }

    /// <summary>The true profile of an exported message.</summary>
    public MessageProfile Profile(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Profile(message.Key);
    }

    public MessageProfile Profile(MessageKey key) =>
        Messages.TryGetValue(key, out var profile) ? profile : throw new KeyNotFoundException($"message {key} is not in the ground truth");

    /// <summary>The messages an account can use at each step on a channel, ordered by campaign id: the best sequence's choice set.</summary>
    public IReadOnlyList<IReadOnlyList<MessageProfile>> Candidates(UserId user, MessageChannel channel) =>
        _candidates.TryGetValue((user, channel), out var candidates) ? candidates : [];

    /// <summary>The messages (steps 0..ReceivedSteps−1 of its campaign) that <paramref name="lead"/>'s received probability is computed over.</summary>
    public IReadOnlyList<MessageProfile> ReceivedSequence(LeadTruth lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Enumerable.Range(0, lead.ReceivedSteps).Select(order => Profile(new MessageKey(lead.CampaignId, order))).ToArray();
    }

    /// <summary>Reads <c>model.json</c>, <c>messages.csv</c> and <c>leads.csv</c> from <paramref name="folder"/> (the export folder or its <c>truth/</c> subfolder).</summary>
    public static async Task<GroundTruth> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var truthFolder = File.Exists(Path.Combine(folder, TruthFiles.ModelFile)) ? folder : Path.Combine(folder, TruthFiles.Folder);

        ModelDocument document;
        await using (var stream = File.OpenRead(Path.Combine(truthFolder, TruthFiles.ModelFile)))
        {
            document = await JsonSerializer.DeserializeAsync<ModelDocument>(stream, TruthFiles.Json, cancellationToken).ConfigureAwait(false)
                ?? throw new FormatException($"{TruthFiles.ModelFile}: empty document");
        }

        var messages = new Dictionary<MessageKey, MessageProfile>();
        await foreach (var (line, number, header) in ReadRowsAsync(Path.Combine(truthFolder, TruthFiles.MessagesFile), [TruthFiles.MessagesHeader, TruthFiles.MessagesHeaderBeforeWording], cancellationToken).ConfigureAwait(false))
        {
            var message = TruthFiles.ParseMessage(line, number, withWording: header == TruthFiles.MessagesHeader);
            messages.Add(message.Key, message);
        }

        var leads = new Dictionary<LeadId, LeadTruth>();
        await foreach (var (line, number, _) in ReadRowsAsync(Path.Combine(truthFolder, TruthFiles.LeadsFile), [TruthFiles.LeadsHeader], cancellationToken).ConfigureAwait(false))
        {
            var lead = TruthFiles.ParseLead(line, number);
            leads.Add(lead.LeadId, lead);
        }

        return new GroundTruth(new TrueReplyModel(document.Parameters), messages, leads) { Engagement = document.Engagement };
    }

    /// <summary>The rows after the header, each with the header the file has (one of <paramref name="headers"/>).</summary>
    private static async IAsyncEnumerable<(string Line, int Number, string Header)> ReadRowsAsync(
        string path,
        string[] headers,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var first = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first is null || !headers.Contains(first, StringComparer.Ordinal))
        {
            throw new FormatException($"{Path.GetFileName(path)}:1: expected header \"{headers[0]}\"");
        }

        var number = 1;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                yield return (line, number, first);
            }
        }
    }
}
