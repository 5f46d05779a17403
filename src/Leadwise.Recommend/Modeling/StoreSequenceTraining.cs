using Leadwise.Learning.Features;
using Leadwise.Recommend.Hazards;

namespace Leadwise.Recommend.Modeling;

/// <summary>The sequence (hazard) model trained on a store's leads and messages: what <c>leadwise train</c> and the web API's train job both run.</summary>
public static class StoreSequenceTraining
{
    /// <remarks><paramref name="messageText"/>: how the model also reads the message text (<see cref="HazardModelOptions.TextFeatures"/>); null: it does not.</remarks>
    /// <exception cref="Learning.Training.NotEnoughDataException">Too few replies per step to train on.</exception>
    public static HazardModel Train(StoreLeads leads, int folds, int seed, CancellationToken cancellationToken, MessageTextReader? messageText = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return HazardModel.Train(HazardRows.Build(leads.All, leads.Messages), new HazardModelOptions { Folds = folds, Seed = seed, TextFeatures = messageText is not null, TextReader = messageText ?? MessageTextReader.Sentences }, cancellationToken);
    }
}
