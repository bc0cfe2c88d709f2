using System.Text;

namespace Mentoring.Matching;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks.
/// Yields each record with the line on which it starts, so errors can name it.
/// </summary>
internal sealed class CsvRecordReader
{
    private const int BufferSize = 64 * 1024;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly char[] _buffer = new char[BufferSize];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private int _line = 1;

    public CsvRecordReader(TextReader reader, string source)
    {
        _reader = reader;
        _source = source;
    }

    /// <summary>Reads the next record, or returns false at the end of the input.</summary>
    /// <exception cref="InvalidInputException">The text is not well-formed CSV.</exception>
    public bool TryRead(List<string> fields, out int startLine)
    {
        fields.Clear();
        startLine = _line;
        if (!EnsureData())
        {
            return false;
        }

        while (true)
        {
            var endOfRecord = ReadField(out var value);
            fields.Add(value);
            if (endOfRecord)
            {
                return true;
            }
        }
    }

    /// <summary>Reads one field; returns true when it ended the record.</summary>
    private bool ReadField(out string value)
    {
        _field.Clear();
        var fieldLine = _line;
        if (EnsureData() && _buffer[_position] == '"')
        {
            _position++;
            while (true)
            {
                if (!EnsureData())
                {
                    throw Error(fieldLine, "a quoted field is never closed");
                }

                var c = _buffer[_position++];
                if (c == '"')
                {
                    if (EnsureData() && _buffer[_position] == '"')
                    {
                        _field.Append('"');
                        _position++;
                        continue;
                    }

                    break;
                }

                if (c == '\n')
                {
                    _line++;
                }

                Reject(c, fieldLine);
                _field.Append(c);
            }

            value = _field.ToString();
            if (!EnsureData())
            {
                return true;
            }

            var next = _buffer[_position];
            if (next == ',')
            {
                _position++;
                return false;
            }

            if (ConsumeLineBreak())
            {
                return true;
            }

            throw Error(_line, "text follows a closing quote; quote the whole field and double any quote inside it");
        }

        while (EnsureData())
        {
            var c = _buffer[_position];
            if (c == ',')
            {
                _position++;
                value = _field.ToString();
                return false;
            }

            if (ConsumeLineBreak())
            {
                value = _field.ToString();
                return true;
            }

            if (c == '"')
            {
                throw Error(_line, "a quote inside an unquoted field; quote the whole field and double the quote");
            }

            Reject(c, _line);
            _field.Append(c);
            _position++;
        }

        value = _field.ToString();
        return true;
    }

    private bool ConsumeLineBreak()
    {
        var c = _buffer[_position];
        if (c == '\n')
        {
            _position++;
            _line++;
            return true;
        }

        if (c == '\r')
        {
            _position++;
            if (EnsureData() && _buffer[_position] == '\n')
            {
                _position++;
            }

            _line++;
            return true;
        }

        return false;
    }

    private void Reject(char c, int line)
    {
        if (c == '\0')
        {
            throw Error(line, "this is not a text CSV file (it holds a NUL character)");
        }
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    private InvalidInputException Error(int line, string message) => new(new InputError(_source, line, null, message));
}
