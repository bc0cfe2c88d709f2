using System.Runtime.CompilerServices;

namespace Mentoring.Matching;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks.
/// Reads one record at a time with the line on which it starts, so errors can name it. Fields are
/// spans over one reused buffer, so a caller that parses them makes no string it does not keep.
/// The per-character loops are optimized from the first call: a file is read once per process.
/// </summary>
internal sealed class CsvRecordReader
{
    private const int BufferSize = 64 * 1024;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly char[] _buffer = new char[BufferSize];
    private char[] _record = new char[1024];
    private int[] _fieldEnds = new int[32];
    private int _recordLength;
    private int _fieldCount;
    private int _length;
    private int _position;
    private int _line = 1;

    public CsvRecordReader(TextReader reader, string source)
    {
        _reader = reader;
        _source = source;
    }

    /// <summary>How many fields the record last read has.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Field <paramref name="index"/> of the record last read, unquoted; valid until the next read.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : _fieldEnds[index - 1];
        return _record.AsSpan(start, _fieldEnds[index] - start);
    }

    /// <summary>Reads the next record into <paramref name="fields"/>, or returns false at the end of the input.</summary>
    /// <exception cref="InvalidInputException">The text is not well-formed CSV.</exception>
    public bool TryRead(List<string> fields, out int startLine)
    {
        fields.Clear();
        if (!TryRead(out startLine))
        {
            return false;
        }

        for (var i = 0; i < _fieldCount; i++)
        {
            fields.Add(Field(i).ToString());
        }

        return true;
    }

    /// <summary>Reads the next record, whose fields <see cref="Field"/> then gives, or returns false at the end of the input.</summary>
    /// <exception cref="InvalidInputException">The text is not well-formed CSV.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(out int startLine)
    {
        _fieldCount = 0;
        _recordLength = 0;
        startLine = _line;
        if (!EnsureData())
        {
            return false;
        }

        while (true)
        {
            var endOfRecord = ReadField();
            if (_fieldCount == _fieldEnds.Length)
            {
                Array.Resize(ref _fieldEnds, _fieldEnds.Length * 2);
            }

            _fieldEnds[_fieldCount++] = _recordLength;
            if (endOfRecord)
            {
                return true;
            }
        }
    }

    /// <summary>Reads one field onto the record; returns true when it ended the record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadField()
    {
        var fieldLine = _line;
        if (EnsureData() && _buffer[_position] == '"')
        {
            _position++;
            ReadQuoted(fieldLine);
            if (!EnsureData())
            {
                return true;
            }

            if (_buffer[_position] == ',')
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
            var rest = _buffer.AsSpan(_position, _length - _position);
            var stop = IndexOfUnquotedStop(rest);
            if (stop < 0)
            {
                Append(rest);
                _position = _length;
                continue;
            }

            Append(rest[..stop]);
            _position += stop;
            switch (rest[stop])
            {
                case ',':
                    _position++;
                    return false;
                case '"':
                    throw Error(_line, "a quote inside an unquoted field; quote the whole field and double the quote");
                case '\0':
                    throw NulError(_line);
                default:
                    ConsumeLineBreak();
                    return true;
            }
        }

        return true;
    }

    /// <summary>Reads a quoted field's text after its opening quote, up to and including its closing quote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadQuoted(int fieldLine)
    {
        while (true)
        {
            if (!EnsureData())
            {
                throw Error(fieldLine, "a quoted field is never closed");
            }

            var rest = _buffer.AsSpan(_position, _length - _position);
            var stop = IndexOfQuotedStop(rest);
            if (stop < 0)
            {
                Append(rest);
                _position = _length;
                continue;
            }

            Append(rest[..(stop + 1)]);
            _position += stop + 1;
            switch (rest[stop])
            {
                case '\n':
                    _line++;
                    break;
                case '\0':
                    throw NulError(fieldLine);
                default:
                    // A quote: doubled, it stands for one quote; alone, it closes the field.
                    if (EnsureData() && _buffer[_position] == '"')
                    {
                        _position++;
                        break;
                    }

                    _recordLength--;
                    return;
            }
        }
    }

    /// <summary>
    /// Where the first comma, quote, line break or NUL is, or -1. A plain loop: fields are short, and
    /// vector searches start out unoptimized in a fresh process, which costs more than they save here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOfUnquotedStop(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= ',' && (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\0'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the first quote, line feed or NUL is, or -1; see <see cref="IndexOfUnquotedStop"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOfQuotedStop(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\n' or '\0')
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_recordLength + text.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + text.Length));
        }

        text.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += text.Length;
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

    private InvalidInputException NulError(int line) => Error(line, "this is not a text CSV file (it holds a NUL character)");

    private InvalidInputException Error(int line, string message) => new(new InputError(_source, line, null, message));
}
