namespace Leadwise.Scoring.Rules;

/// <summary>What a rule tests: a <see cref="FieldCondition"/> or an <see cref="EventCondition"/>.</summary>
public abstract record RuleCondition;
