using System.Globalization;
using Leadwise.Core.Scoring;

namespace Leadwise.Server.Dashboard;

/// <summary>The page shell every dashboard page shares, and the small pieces (grades, numbers, subtotal bars) they repeat.</summary>
internal static class DashboardLayout
{
    /// <summary>Starts a page: head with the local stylesheet, the top bar, and an open <c>main</c> for the content.</summary>
    public static HtmlWriter Begin(string title)
    {
        var html = new HtmlWriter();
        html.Open("html", ("lang", "en"))
            .Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", title + " · Leadwise")
            .Void("link", ("rel", "icon"), ("href", DashboardEndpoints.IconPath), ("type", "image/svg+xml"))
            .Void("link", ("rel", "stylesheet"), ("href", DashboardEndpoints.StylesheetPath))
            .Close()
            .Open("body")
            .Open("header", ("class", "top"))
            .Element("a", "Leadwise", ("class", "brand"), ("href", "/"))
            .Element("a", "Leads", ("href", "/"))
            .Element("a", "Models", ("href", "/models"))
            .Element("a", "API", ("href", "/openapi/v1.json"))
            .Close()
            .Open("main");
        return html;
    }

    /// <summary>The whole document, with its doctype.</summary>
    public static string End(HtmlWriter html) => "<!DOCTYPE html>\n" + html;

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Percent(double probability) => (probability * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A grade as a boxed letter, never as a colour alone.</summary>
    public static void Grade(HtmlWriter html, string? grade) =>
        html.Element("span", grade ?? "–", ("class", "grade"), ("title", grade is null ? "no grade" : "grade " + grade));

    /// <summary>Short labels, so six bars fit a table cell; the full name is the label's tooltip.</summary>
    public static string ShortName(ScoringModel model) => model switch
    {
        ScoringModel.Demographics => "Demo",
        ScoringModel.Firmographics => "Firmo",
        ScoringModel.Website => "Web",
        ScoringModel.Email => "Email",
        ScoringModel.Social => "Social",
        ScoringModel.Spam => "Spam",
        _ => model.ToString(),
    };

    /// <summary>
    /// One bar per scoring model with a subtotal, each with its number beside it; widths are relative to
    /// <paramref name="scale"/> (the largest subtotal shown on the page), negative points hatched.
    /// </summary>
    public static void SubtotalBars(HtmlWriter html, IReadOnlyDictionary<ScoringModel, double> subtotals, double scale)
    {
        html.Open("ul", ("class", "bars"));
        foreach (var (model, points) in subtotals.Where(s => s.Value != 0).OrderBy(s => s.Key))
        {
            var width = Math.Clamp(Math.Abs(points) / Math.Max(scale, 1) * 100, 0, 100);
            html.Open("li")
                .Element("abbr", ShortName(model), ("title", model.ToString()))
                .Open("span", ("class", "track"))
                .Element("span", null, ("class", points < 0 ? "fill negative" : "fill"), ("style", string.Create(CultureInfo.InvariantCulture, $"width: {width:0.#}%")))
                .Close()
                .Element("span", Number(points), ("class", "value"))
                .Close();
        }

        html.Close();
    }
}
