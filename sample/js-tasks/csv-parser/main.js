(function (input, context) {
  // csv-parser: a single-function-expression task (the legacy Ratchet form).
  //
  // Grammar (RFC 4180, plus a few common extensions):
  //   - records end with CRLF, LF or a lone CR; a final line break is optional
  //   - a field is either unquoted (no delimiter, CR or LF) or quoted with '"'
  //   - inside a quoted field, '""' is a literal '"', and delimiters / line breaks are data
  //   - a '"' inside an unquoted field is kept literally (lenient, like most parsers)
  //   - after a closing quote only a delimiter, a line break or the end may follow
  //
  // Options:
  //   delimiter        single character, default ','
  //   header           true (default): the first record names the columns, rows are objects
  //                    false: rows are arrays; columns are named column_1..column_N
  //   trim             trim spaces/tabs around unquoted fields and around quotes (default false)
  //   convert_numbers  turn unquoted numeric fields into numbers (quoted fields stay strings)
  //   skip_empty_lines ignore blank lines (default true)
  //
  // Every record must have as many fields as the first one; otherwise a DataError names the line.

  var delimiter = input.delimiter === undefined ? ',' : input.delimiter
  var header = input.header === undefined ? true : input.header
  var trim = input.trim === true
  var convertNumbers = input.convert_numbers === true
  var skipEmptyLines = input.skip_empty_lines === undefined ? true : input.skip_empty_lines

  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new ValidationError('delimiter must be a single character other than a double quote or a line break', {
      delimiter: delimiter,
    })
  }

  var NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
  var text = input.csv
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // byte-order mark

  function isBlank(ch) {
    return ch === ' ' || ch === '\t'
  }

  // Splits the text into records: [{ line, fields: [{ value, quoted }] }].
  function tokenize() {
    var records = []
    var n = text.length
    var i = 0
    var line = 1

    while (i < n) {
      var recordLine = line
      var fields = []

      for (;;) {
        // Look past leading blanks for an opening quote when trimming.
        var j = i
        if (trim) while (j < n && isBlank(text[j])) j++

        if (j < n && text[j] === '"') {
          var quoteLine = line
          var value = ''
          i = j + 1
          for (;;) {
            if (i >= n) {
              throw new DataError('Unterminated quoted field starting on line ' + quoteLine, {
                line: quoteLine,
              })
            }
            var c = text[i]
            if (c === '"') {
              if (text[i + 1] === '"') {
                value += '"'
                i += 2
                continue
              }
              i++
              break
            }
            if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++
            value += c
            i++
          }
          if (trim) while (i < n && isBlank(text[i])) i++
          if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
            throw new DataError(
              'Unexpected character ' + JSON.stringify(text[i]) + ' after a closing quote on line ' + line,
              { line: line }
            )
          }
          fields.push({ value: value, quoted: true })
        } else {
          var start = i
          while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') i++
          var raw = text.slice(start, i)
          fields.push({ value: trim ? raw.trim() : raw, quoted: false })
        }

        if (i < n && text[i] === delimiter) {
          i++
          continue // another field follows (possibly empty)
        }
        if (i < n && text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1
        else if (i < n && text[i] === '\n') i++
        line++
        break
      }

      var blank = fields.length === 1 && !fields[0].quoted && fields[0].value === ''
      if (!(blank && skipEmptyLines)) records.push({ line: recordLine, fields: fields })
    }
    return records
  }

  function convert(field) {
    if (convertNumbers && !field.quoted && NUMBER_RE.test(field.value)) return Number(field.value)
    return field.value
  }

  var records = tokenize()
  if (records.length === 0) return { rows: [], columns: [], rowCount: 0 }

  var width = records[0].fields.length
  for (var r = 1; r < records.length; r++) {
    if (records[r].fields.length !== width) {
      throw new DataError(
        'Line ' + records[r].line + ' has ' + records[r].fields.length + ' fields, expected ' + width,
        { line: records[r].line, fields: records[r].fields.length, expected: width }
      )
    }
  }

  var columns
  var dataRecords
  if (header) {
    columns = records[0].fields.map(function (f, index) {
      return f.value === '' ? 'column_' + (index + 1) : f.value
    })
    var seen = {}
    columns.forEach(function (name) {
      if (Object.prototype.hasOwnProperty.call(seen, name)) {
        throw new DataError('Duplicate column name ' + JSON.stringify(name) + ' in the header on line ' + records[0].line, {
          line: records[0].line,
          column: name,
        })
      }
      seen[name] = true
    })
    dataRecords = records.slice(1)
  } else {
    columns = []
    for (var k = 0; k < width; k++) columns.push('column_' + (k + 1))
    dataRecords = records
  }

  var rows = dataRecords.map(function (record) {
    if (!header) return record.fields.map(convert)
    var row = {}
    record.fields.forEach(function (f, index) {
      row[columns[index]] = convert(f)
    })
    return row
  })

  if (context && context.log) context.log.debug('Parsed CSV', { rows: rows.length, columns: columns.length })
  return { rows: rows, columns: columns, rowCount: rows.length }
})
