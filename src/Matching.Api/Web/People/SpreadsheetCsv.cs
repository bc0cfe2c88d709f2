using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mentoring.Matching.Api.Web.People;

/// <summary>
/// Turns the first sheet of an .xlsx roster into the contract's people.csv, row for row, so the library's own reader
/// checks it and a bad cell is named by its spreadsheet row (row 1 is the header, as line 1 is in a CSV).
/// Read with Microsoft's Open XML SDK: no Excel, no COM, only the cell values.
/// </summary>
internal static class SpreadsheetCsv
{
    /// <summary>The CSV text, or null when the file is not a readable .xlsx workbook.</summary>
    public static string? Convert(Stream xlsx)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(xlsx, isEditable: false);
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() is not { Id.Value: { } sheetId })
            {
                return null;
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var sheet = (WorksheetPart)workbook.GetPartById(sheetId);
            var csv = new StringBuilder();
            var nextRow = 1;
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                // Keep physical rows aligned with CSV lines, so errors name the row the coordinator sees.
                var index = (int)(row.RowIndex?.Value ?? (uint)nextRow);
                for (; nextRow < index; nextRow++)
                {
                    csv.Append('\n');
                }

                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    cells.Add(Text(cell, strings));
                }

                csv.AppendJoin(',', cells.Select(Quote)).Append('\n');
                nextRow = index + 1;
            }

            return csv.ToString();
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Text(Cell cell, string[] strings)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        return cell.DataType?.Value switch
        {
            var t when t == CellValues.SharedString => int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : "",
            var t when t == CellValues.Boolean => value == "1" ? "TRUE" : "FALSE",
            _ => value,
        };
    }

    /// <summary>The zero-based column of a reference like "C7".</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    /// <summary>Cells with line breaks become spaces, so each row stays one CSV line.</summary>
    private static string Quote(string value) =>
        "\"" + value.ReplaceLineEndings(" ").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
