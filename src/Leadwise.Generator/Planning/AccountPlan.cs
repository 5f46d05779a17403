using Leadwise.Core.Outreach;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Planning;

/// <summary>An account (user) and its writing style: how often its messages are long, personalised, ask a question, carry a link.</summary>
internal sealed record AccountPlan(
    User User,
    Language HomeLanguage,
    double LongRate,
    double PersonalisedRate,
    double QuestionRate,
    double LinkRate);
