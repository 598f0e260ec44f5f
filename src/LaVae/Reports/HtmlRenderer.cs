using System.Net;
using System.Text;

namespace LaVae.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML page: inline CSS, no scripts,
/// figures referenced by relative path. All text from results is HTML-encoded.
/// </summary>
internal static class HtmlRenderer
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.pass { background: #dff0d8; }
        td.fail { background: #f2dede; font-weight: bold; }
        td.not-reproduced { background: #fcf8e3; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        td a, td.compared span { white-space: nowrap; }
        td.compared span { display: block; }
        td.compared .paper { font-size: 0.85em; color: #555; }
        .table { overflow-x: auto; }
        figure { margin: 1em 0 2em; }
        figure img { max-width: 100%; border: 1px solid #ddd; }
        figcaption { font-size: 0.9em; color: #444; max-width: 60em; }
        """;

    public static string Render(ReportDocument document)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\">")
            .AppendLine("<head>")
            .AppendLine("<meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(document.Title)).AppendLine("</title>")
            .Append("<style>").Append(Style).AppendLine("</style>")
            .AppendLine("</head>")
            .AppendLine("<body>")
            .Append("<h1>").Append(Encode(document.Title)).AppendLine("</h1>");
        Table(html, document.Summary);
        Table(html, document.ClaimIndex);
        foreach (var note in document.Notes)
        {
            html.Append("<p class=\"note\"><strong>Note:</strong> ").Append(Encode(note)).AppendLine("</p>");
        }

        foreach (var section in document.Sections)
        {
            html.Append("<section id=\"").Append(Encode(section.Anchor)).Append("\">\n<h2>").Append(Encode(section.Heading)).AppendLine("</h2>").AppendLine("<dl>");
            foreach (var fact in section.Facts)
            {
                html.Append("<dt>").Append(Encode(fact.Label)).Append("</dt><dd>").Append(Encode(fact.Value)).AppendLine("</dd>");
            }

            html.AppendLine("</dl>");
            Table(html, section.Claims);
            if (section.Failures.Count > 0)
            {
                html.AppendLine("<h3>Failures and claims not reproduced</h3>").AppendLine("<ul>");
                foreach (var failure in section.Failures)
                {
                    html.Append("<li>").Append(Encode(failure)).AppendLine("</li>");
                }

                html.AppendLine("</ul>");
            }

            foreach (var table in section.MetricTables)
            {
                Table(html, table);
            }

            foreach (var figure in section.Figures)
            {
                var href = Encode(figure.Href);
                var caption = Encode(figure.Caption);
                var vector = figure.VectorHref is { } svg ? $" <a href=\"{Encode(svg)}\">SVG</a>" : "";
                html.Append(figure.IsImage
                    ? $"<figure><img src=\"{href}\" alt=\"{caption}\"><figcaption>{caption}{vector}</figcaption></figure>"
                    : $"<p><a href=\"{href}\">{caption}</a></p>").AppendLine();
            }

            html.AppendLine("</section>");
        }

        return html.AppendLine("</body>").AppendLine("</html>").ToString();
    }

    // A wide table scrolls inside its box instead of squeezing its cells until numbers wrap.
    private static void Table(StringBuilder html, ReportTable table)
    {
        html.AppendLine("<div class=\"table\"><table>").Append("<caption>").Append(Encode(table.Caption)).AppendLine("</caption>");
        html.Append("<tr>").AppendJoin("", table.Header.Select(header => $"<th>{Encode(header)}</th>")).AppendLine("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>").AppendJoin("", row.Select(Cell)).AppendLine("</tr>");
        }

        html.AppendLine("</table></div>");
    }

    private static string Cell(ReportCell cell)
    {
        string[] classes = [.. new[]
        {
            cell.Tone switch
            {
                CellTone.Pass => "pass",
                CellTone.Fail => "fail",
                CellTone.NotReproduced => "not-reproduced",
                _ => null,
            },
            cell.Compared is null ? null : "compared",
        }.OfType<string>()];
        var content = cell.Compared is { } compared
            ? $"<span class=\"ours\">{Encode(compared.Ours)}</span><span class=\"paper\">{Encode(compared.PaperText)}</span>"
            : Encode(cell.Text);
        if (cell.Link is { } link)
        {
            content = $"<a href=\"{Encode(link)}\">{content}</a>";
        }

        return classes.Length == 0 ? $"<td>{content}</td>" : $"<td class=\"{string.Join(' ', classes)}\">{content}</td>";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
