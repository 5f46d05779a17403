using Leadwise.Core.Engagement;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Tests;

/// <summary>
/// The optional pre-contact history (<see cref="EngagementModelParameters.HistoryDays"/>): off by default and then
/// invisible; on, it adds events before each lead's createdAt from a stream of its own and moves no other event.
/// </summary>
public sealed class PreContactHistoryTests
{
    private static readonly GeneratorOptions Small = new() { LeadCount = 3_000, Seed = 42 };

    private static bool IsHistory(EngagementEvent engagement) => engagement.ClientEventId!.Contains("-h", StringComparison.Ordinal);

    [Fact]
    public void Should_GenerateTheSameEvents_When_TheHistoryIsOff_WhateverItsOtherParameters()
    {
        // Given the defaults and history parameters that would matter, were the history on
        var defaults = new OutreachGenerator().Generate(Small).Events().ToArray();
        var tuned = Small with { Engagement = new EngagementModelParameters { HistorySessionsIntercept = 3, HistoryResponsivenessWeight = 2, HistoryNewsletterResponsivenessWeight = 2 } };

        // When they are generated with HistoryDays = 0
        var off = new OutreachGenerator().Generate(tuned).Events().ToArray();

        // Then the events are the same, and none is a history event
        Assert.Equal(defaults, off);
        Assert.DoesNotContain(off, IsHistory);
    }

    [Fact]
    public void Should_AddEventsBeforeCreatedAtOnly_AndKeepEveryOtherEventAndLead_When_TheHistoryIsOn()
    {
        // Given the default export and the same with a year of history
        var defaults = new OutreachGenerator().Generate(Small);
        var withHistory = new OutreachGenerator().Generate(Small with { Engagement = new EngagementModelParameters { HistoryDays = 365 } });

        // When
        var events = withHistory.Events().ToArray();
        var leads = withHistory.Leads().ToDictionary(lead => lead.Id);

        // Then the leads and the non-history events are those of the default export, ids included
        Assert.Equal(defaults.Leads(), withHistory.Leads());
        Assert.Equal(defaults.Events(), events.Where(e => !IsHistory(e)));

        // and the history events are in [createdAt − 365 days, createdAt), come first per lead and number on their own
        var history = events.Where(IsHistory).ToArray();
        Assert.True(history.Length > 1_000, $"{history.Length} history events");
        Assert.All(history, e => Assert.InRange(e.OccurredAt, leads[e.LeadId].CreatedAt!.Value.AddDays(-365), leads[e.LeadId].CreatedAt!.Value.AddTicks(-1)));
        Assert.Contains(history, e => e.Type == EventTypes.PageView);
        Assert.Contains(history, e => e.Type == EventTypes.EmailOpen && e.Campaign!.StartsWith("Newsletter ", StringComparison.Ordinal));
        Assert.DoesNotContain(history, e => e.Type is EventTypes.EmailBounce or EventTypes.EmailUnsubscribe or EventTypes.CaptchaFailed);
        Assert.All(history.Where(e => e.Type is EventTypes.EmailOpen or EventTypes.EmailClick), e => Assert.Contains("@", leads[e.LeadId].Email!, StringComparison.Ordinal));
        foreach (var lead in events.GroupBy(e => e.LeadId))
        {
            var own = lead.Where(IsHistory).ToArray();
            Assert.Equal(own, lead.Take(own.Length));
            Assert.Equal(Enumerable.Range(0, own.Length).Select(n => $"g-{lead.Key.Value}-h{n}"), own.Select(e => e.ClientEventId));
        }
    }

    [Fact]
    public void Should_DrawHistorySessionsAsPoissonInResponsivenessAndSeniority_When_OnALargeSample()
    {
        // Given one-page sessions without intent pages and no history newsletters, so a history page view is a session
        const double Intercept = -0.5, Weight = 2.0;
        var engagement = new EngagementModelParameters
        {
            HistoryDays = 365,
            HistorySessionsIntercept = Intercept,
            HistoryResponsivenessWeight = Weight,
            HistoryNewsletters = false,
            ExtraPagesMean = 0,
            PricingIntercept = -60,
            DemoIntercept = -60,
            DownloadIntercept = -60,
        };
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 20_000, Seed = 3, Engagement = engagement });

        // When the history sessions are counted per lead, beside the formula's mean
        var sessions = export.Events().Where(IsHistory).GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => g.Count(e => e.Type == EventTypes.PageView));
        var leads = export.LeadsWithTruth().Where(g => !g.Truth.Profile.IsSpam)
            .Select(g => (U: g.Truth.Profile.Responsiveness, Observed: sessions.GetValueOrDefault(g.Lead.Id),
                Expected: Math.Exp(Intercept + (Weight * g.Truth.Profile.Responsiveness) + engagement.SessionsSeniorityEffects[(int)g.Truth.Profile.Seniority])))
            .ToArray();

        // Then in each third of u the observed total is the Poisson mean's within 4 standard deviations
        Assert.Equal(sessions.Values.Sum(), export.Events().Count(IsHistory));
        var ordered = leads.OrderBy(lead => lead.U).ToArray();
        var thirds = ordered.Chunk((ordered.Length / 3) + 1).ToArray();
        foreach (var third in thirds)
        {
            var (observed, expected) = (third.Sum(lead => lead.Observed), third.Sum(lead => lead.Expected));
            Assert.True(Math.Abs(observed - expected) < 4 * Math.Sqrt(expected), $"u {third[0].U:F2}..{third[^1].U:F2}: {observed} sessions, expected {expected:F0}");
        }

        // and the most responsive third visits many times more often than the least, as e^(Weight·Δu) says
        Assert.True(thirds[2].Sum(lead => lead.Observed) > 5 * thirds[0].Sum(lead => lead.Observed));
    }

    [Fact]
    public void Should_DrawResponsivenessWithTheModelsSpread_AndRecordItInTheTruth()
    {
        // Given a smaller spread than the default
        var options = new GeneratorOptions { LeadCount = 20_000, Seed = 5, Model = new TrueModelParameters { ResponsivenessSd = 0.3 } };

        // When
        var export = new OutreachGenerator().Generate(options);
        var u = export.LeadsWithTruth().Select(g => g.Truth.Profile.Responsiveness).ToArray();

        // Then the sample's spread is 0.3 (its standard error is 0.3/√(2n) ≈ 0.0015), the default's 0.6
        var mean = u.Average();
        var sd = Math.Sqrt(u.Sum(x => (x - mean) * (x - mean)) / (u.Length - 1));
        Assert.InRange(sd, 0.3 - 0.01, 0.3 + 0.01);
        Assert.InRange(mean, -0.01, 0.01);
        Assert.Equal(LatentTraitSpreads.ResponsivenessSd, new TrueModelParameters().ResponsivenessSd);
        Assert.Equal(0.3, export.Model.Parameters.ResponsivenessSd);
    }

    [Fact]
    public async Task Should_WriteTheSpreadAndTheHistoryIntoTheTruthFile_AndReadThemBack()
    {
        // Given an export with a history and a smaller spread, written to disk
        var folder = Path.Combine(Path.GetTempPath(), "leadwise-history-" + Guid.NewGuid().ToString("N"));
        var options = Small with { LeadCount = 300, Model = new TrueModelParameters { ResponsivenessSd = 0.45 }, Engagement = new EngagementModelParameters { HistoryDays = 180 } };
        try
        {
            await new Writing.GeneratedExportWriter().WriteAsync(new OutreachGenerator().Generate(options), folder, null, CancellationToken.None);

            // When
            var truth = await GroundTruth.LoadAsync(folder, CancellationToken.None);

            // Then
            Assert.Equal(0.45, truth.Model.Parameters.ResponsivenessSd);
            Assert.Equal(180, truth.Engagement!.HistoryDays);
            Assert.Contains(File.ReadLines(Path.Combine(folder, "events.csv")), line => line.Contains("-h0,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_RefuseANegativeHistoryOrANonPositiveSpread()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutreachGenerator().Generate(Small with { Engagement = new EngagementModelParameters { HistoryDays = -1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutreachGenerator().Generate(Small with { Model = new TrueModelParameters { ResponsivenessSd = 0 } }));
    }
}
