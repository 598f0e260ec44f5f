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
        th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; }
        th { background: #f0f0f0; }
        td.pass { background: #dff0d8; }
        td.fail { background: #f2dede; font-weight: bold; }
        td.not-reproduced { background: #fcf8e3; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        figure img { max-width: 100%; border: 1px solid #ddd; }
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
        foreach (var note in document.Notes)
        {
            html.Append("<p class=\"note\"><strong>Note:</strong> ").Append(Encode(note)).AppendLine("</p>");
        }

        foreach (var section in document.Sections)
        {
            html.Append("<section>\n<h2>").Append(Encode(section.Heading)).AppendLine("</h2>").AppendLine("<dl>");
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
                html.Append(figure.IsImage
                    ? $"<figure><img src=\"{href}\" alt=\"{caption}\"><figcaption>{caption}</figcaption></figure>"
                    : $"<p><a href=\"{href}\">{caption}</a></p>").AppendLine();
            }

            html.AppendLine("</section>");
        }

        return html.AppendLine("</body>").AppendLine("</html>").ToString();
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.AppendLine("<table>").Append("<caption>").Append(Encode(table.Caption)).AppendLine("</caption>");
        html.Append("<tr>").AppendJoin("", table.Header.Select(header => $"<th>{Encode(header)}</th>")).AppendLine("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>").AppendJoin("", row.Select(Cell)).AppendLine("</tr>");
        }

        html.AppendLine("</table>");
    }

    private static string Cell(ReportCell cell) => cell.Tone switch
    {
        CellTone.Pass => $"<td class=\"pass\">{Encode(cell.Text)}</td>",
        CellTone.Fail => $"<td class=\"fail\">{Encode(cell.Text)}</td>",
        CellTone.NotReproduced => $"<td class=\"not-reproduced\">{Encode(cell.Text)}</td>",
        _ => $"<td>{Encode(cell.Text)}</td>",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
