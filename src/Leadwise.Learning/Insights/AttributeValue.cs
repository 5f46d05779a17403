namespace Leadwise.Learning.Insights;

/// <summary>One value of one attribute of a lead (<c>seniority</c> = <c>Manager</c>); a lead may hold several values of a multi-valued attribute such as title words.</summary>
public readonly record struct AttributeValue(string Attribute, string Value);
