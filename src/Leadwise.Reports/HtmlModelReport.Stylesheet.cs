namespace Leadwise.Reports;

public static partial class HtmlModelReport
{
    /// <summary>
    /// Inline CSS: system fonts only; one column on a laptop, charts two abreast on wide screens; tables
    /// scroll sideways instead of squeezing. Emphasis never relies on colour alone (bold, borders, marks).
    /// </summary>
    private const string Stylesheet = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --accent: #0072b2; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        header, main { max-width: 1320px; margin: 0 auto; padding: 0 1.25rem; }
        header { padding-top: 1.25rem; border-bottom: 1px solid var(--rule); }
        h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; margin: 0 0 .75rem; padding-top: .5rem; border-top: 3px solid var(--accent); }
        .meta { color: var(--muted); margin: 0 0 .5rem; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0 0 .75rem; }
        nav a { color: var(--accent); text-decoration: underline; }
        main { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 600px), 1fr)); gap: 1.5rem 2rem; padding-bottom: 2rem; }
        section { min-width: 0; padding-top: 1rem; }
        #summary, #insights, #messages, #warnings { grid-column: 1 / -1; }
        .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); gap: 1.5rem 2rem; margin-bottom: 1rem; }
        .verdict { border-left: 4px solid var(--ink); padding: .4rem .8rem; background: #f6f8fa; max-width: 70rem; }
        .note { color: var(--muted); font-size: .9rem; max-width: 70rem; }
        .reasons li { margin-bottom: .3rem; }
        .overlap thead th, .truth thead th { white-space: normal; min-width: 5.5rem; }
        figure { margin: 0; }
        figure img { display: block; width: 100%; max-width: 640px; height: auto; border: 1px solid var(--rule); }
        figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; max-width: 640px; }
        .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem 1rem; margin: 0 0 1rem; }
        .facts div { border-left: 4px solid var(--accent); padding: .25rem .6rem; background: #f6f8fa; }
        .facts dt { font-size: .85rem; color: var(--muted); }
        .facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        .scroll { overflow-x: auto; margin-bottom: 1rem; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .92rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
        th, td { border: 1px solid var(--rule); padding: .3rem .6rem; text-align: right; white-space: nowrap; }
        th[scope="row"], thead th:first-child { text-align: left; }
        thead th { background: #eef2f5; }
        tr.chosen th, tr.chosen td { font-weight: 600; background: #eaf3fb; border-top: 2px solid var(--ink); border-bottom: 2px solid var(--ink); }
        details { margin-top: .5rem; }
        summary { cursor: pointer; color: var(--accent); }
        .empty { color: var(--muted); font-style: italic; }
        .warnings li { margin-bottom: .3rem; }
        @media print { main { display: block; } section { break-inside: avoid; } }

        """;
}
