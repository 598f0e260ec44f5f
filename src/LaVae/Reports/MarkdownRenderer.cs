using System.Text;

namespace LaVae.Reports;

/// <summary>Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown. All text from results is escaped.</summary>
internal static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(document.Title)).AppendLine();
        Table(md, document.Summary);
        md.Append("## ").AppendLine(Escape(document.ClaimIndex.Caption)).AppendLine();
        Table(md, document.ClaimIndex);
        foreach (var note in document.Notes)
        {
            md.Append("> **Note:** ").AppendLine(Escape(note)).AppendLine();
        }

        foreach (var section in document.Sections)
        {
            md.Append("## ").AppendLine(Escape(section.Heading)).AppendLine();
            foreach (var fact in section.Facts)
            {
                md.Append("- **").Append(Escape(fact.Label)).Append(":** ").AppendLine(Escape(fact.Value));
            }

            md.AppendLine();
            CaptionedTable(md, section.Claims);
            if (section.Failures.Count > 0)
            {
                md.AppendLine("### Failures and claims not reproduced").AppendLine();
                foreach (var failure in section.Failures)
                {
                    md.Append("- ").AppendLine(Escape(failure));
                }

                md.AppendLine();
            }

            foreach (var table in section.MetricTables)
            {
                CaptionedTable(md, table);
            }

            foreach (var figure in section.Figures)
            {
                md.Append(figure.IsImage ? "![" : "[").Append(Escape(figure.Caption)).Append("](").Append(figure.Href).AppendLine(")").AppendLine();
                if (figure.VectorHref is { } svg)
                {
                    md.Append("[SVG](").Append(svg).AppendLine(")").AppendLine();
                }
            }
        }

        return md.ToString();
    }

    private static void CaptionedTable(StringBuilder md, ReportTable table)
    {
        md.Append("### ").AppendLine(Escape(table.Caption)).AppendLine();
        Table(md, table);
    }

    private static void Table(StringBuilder md, ReportTable table)
    {
        md.Append("| ").AppendJoin(" | ", table.Header.Select(Escape)).AppendLine(" |");
        md.Append('|').AppendJoin("", table.Header.Select(_ => " --- |")).AppendLine();
        foreach (var row in table.Rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(cell => Escape(cell.Text))).AppendLine(" |");
        }

        md.AppendLine();
    }

    // Backslash-escapes Markdown's inline syntax and the table separator; a newline would end a table row.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
