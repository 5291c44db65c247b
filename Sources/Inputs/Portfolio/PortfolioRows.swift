import StressCore

/// Validates data rows one at a time and appends them to the portfolio's columns.
///
/// Field positions are resolved once from the header; each row then costs one pass
/// over its fields, `strtod` in place for numbers and a String only for text that is
/// kept (ids, segments, categories). The first invalid cell is thrown.
struct PortfolioRows {
    private let file: String
    private let header: PortfolioHeader

    private let idField: Int
    private let pdField: Int
    private let lgdField: Int
    private let eadField: Int
    private let segmentField: Int?
    private let assetClassField: Int?
    /// Indices into `numberFields` of the columns that can make up a blank EAD.
    private let drawnSlot: Int?
    private let undrawnSlot: Int?
    private let ccfSlot: Int?
    /// (column, field index) of the optional numeric columns present.
    private let numberFields: [(column: PortfolioColumn, field: Int)]
    private let categoryFields: [(column: PortfolioColumn, field: Int?)]
    private let stageField: Int?
    private let defaultFlagField: Int?
    private let maturityDateField: Int?
    private let dpdSlot: Int?
    private let provisionSlot: Int?
    private var stages: [UInt8] = []
    private var defaultFlags: [UInt8] = []
    private var maturityDates: [Double] = []

    private var portfolio = Portfolio()
    /// Values of the optional numeric columns, parallel to `numberFields`.
    private var numberColumns: [[Double]]
    private var firstLineOfID: [String: Int] = [:]

    init(header: PortfolioHeader, file: String) {
        self.file = file
        self.header = header
        let at = header.positions
        idField = at[.id]!
        pdField = at[.pd]!
        lgdField = at[.lgd]!
        eadField = at[.ead]!
        segmentField = at[.segment]
        assetClassField = at[.assetClass]
        let numberFields: [(column: PortfolioColumn, field: Int)] = PortfolioColumn.optionalNumbers.compactMap { column in at[column].map { (column, $0) } }
        self.numberFields = numberFields
        drawnSlot = numberFields.firstIndex { $0.column == .drawn }
        undrawnSlot = numberFields.firstIndex { $0.column == .undrawn }
        ccfSlot = numberFields.firstIndex { $0.column == .ccf }
        numberColumns = Array(repeating: [], count: numberFields.count)
        categoryFields = PortfolioColumn.categories.map { ($0, at[$0]) }
        stageField = at[.stage]
        defaultFlagField = at[.defaultFlag]
        maturityDateField = at[.maturityDate]
        dpdSlot = numberFields.firstIndex { $0.column == .daysPastDue }
        provisionSlot = numberFields.firstIndex { $0.column == .provision }
    }

    /// Reserves room for about `rows` exposures, so the columns and the id index
    /// are not regrown and rehashed a dozen times on a large file.
    mutating func reserveCapacity(_ rows: Int) {
        portfolio.reserveCapacity(rows)
        firstLineOfID.reserveCapacity(rows)
        for slot in numberColumns.indices { numberColumns[slot].reserveCapacity(rows) }
    }

    // MARK: - One row

    mutating func append(_ reader: CSVReader) throws(InputError) {
        let line = reader.recordLine
        guard reader.fieldCount == header.fieldCount else {
            throw InputError(file: file, line: line, message:
                "expected \(header.fieldCount) fields as in the header, found \(reader.fieldCount)")
        }
        if reader.recordHasNonASCII { try checkUTF8(reader, line: line) }

        let id = try readID(reader, line: line)
        let assetClass = try readAssetClass(reader, line: line)
        let pd = try required(reader, pdField, .pd, line: line)
        let lgd = try required(reader, lgdField, .lgd, line: line)

        for slot in numberFields.indices {
            let (column, field) = numberFields[slot]
            numberColumns[slot].append(try number(reader, field, column, line: line) ?? .nan)
        }
        let ead = try readEAD(reader, line: line)
        try readCreditQuality(reader, line: line, pd: pd, ead: ead)

        portfolio.ids.append(id)
        portfolio.pd.append(pd)
        portfolio.lgd.append(lgd)
        portfolio.ead.append(ead)
        portfolio.assetClass.append(assetClass)
        if let segmentField, !isBlank(reader.field(segmentField)) {
            portfolio.segment.append(reader.string(segmentField))
        } else {
            portfolio.segment.append(assetClass.rawValue)
        }
        for (column, field) in categoryFields {
            let value = field.map { reader.string($0) } ?? ""
            switch column {
            case .sector: portfolio.sector.append(value)
            case .country: portfolio.country.append(value)
            case .rating: portfolio.rating.append(value)
            default: portfolio.currency.append(value)
            }
        }
    }

    /// The line of each id read so far.
    var lineOfID: [String: Int] { firstLineOfID }

    /// The finished portfolio with its optional numeric columns attached.
    func finish() -> Portfolio {
        var result = portfolio
        for (slot, (column, _)) in numberFields.enumerated() {
            let values = numberColumns[slot]
            switch column {
            case .maturity: result.maturity = values
            case .turnoverEURm: result.turnoverEURm = values
            case .drawn: result.drawn = values
            case .undrawn: result.undrawn = values
            case .ccf: result.ccf = values
            case .collateralValue: result.collateralValue = values
            case .daysPastDue: result.daysPastDue = values
            case .originationPD: result.originationPD = values
            case .remainingTerm: result.remainingTerm = values
            case .eir: result.eir = values
            case .provision: result.provision = values
            case .writeOffPolicy: result.writeOffPolicy = values
            default: result.amortisation = values
            }
        }
        if stageField != nil { result.stage = stages }
        if defaultFlagField != nil { result.defaultFlag = defaultFlags }
        if maturityDateField != nil { result.maturityDate = maturityDates }
        return result
    }

    // MARK: - Credit quality

    /// Stage, default flag and maturity date, and the rules a stage must agree with: 90 days
    /// past due is a default (CRR Art. 178(1)(b), IFRS 9 B5.5.37), more than 30 days past
    /// due a significant increase in credit risk (IFRS 9 5.5.11), and a credit-impaired
    /// (stage 3) exposure is in default (PD 1 or the default flag).
    private mutating func readCreditQuality(_ reader: CSVReader, line: Int, pd: Double, ead: Double) throws(InputError) {
        var stage: UInt8 = 0
        if let stageField {
            let text = cellText(reader, stageField)
            switch text {
            case "": stage = 0
            case "1", "2", "3": stage = UInt8(text)!
            default: throw error(line, stageField, "expected an IFRS 9 stage 1, 2 or 3, found '\(text)'")
            }
            stages.append(stage)
        }
        var flag: UInt8 = 255
        if let defaultFlagField {
            switch cellText(reader, defaultFlagField).lowercased() {
            case "": flag = 255
            case "1", "true", "yes", "y": flag = 1
            case "0", "false", "no", "n": flag = 0
            case let other: throw error(line, defaultFlagField, "expected a default flag 1 or 0 (true or false), found '\(other)'")
            }
            defaultFlags.append(flag)
        }
        if let maturityDateField {
            let text = cellText(reader, maturityDateField)
            if text.isEmpty {
                maturityDates.append(.nan)
            } else if let day = ISODate.dayNumber(text) {
                maturityDates.append(Double(day))
            } else {
                throw error(line, maturityDateField, "expected a maturity date as YYYY-MM-DD, found '\(text)'")
            }
        }
        let dpd = lastValue(dpdSlot) ?? .nan
        if let provision = lastValue(provisionSlot), provision > ead * (1 + 1e-9) + 1e-9 {
            throw error(line, numberFields[provisionSlot!].field,
                        "a provision cannot exceed the exposure: provision \(cellText(reader, numberFields[provisionSlot!].field)), ead \(ead)")
        }
        guard stage != 0, let stageField else { return }
        let stageKey = stageField
        if stage < 3, dpd >= 90 {
            throw error(line, stageKey, "days_past_due \(Int(dpd)) is 90 or more, a default (CRR Art. 178(1)(b)): "
                        + "stage 3 expected, found stage \(stage)")
        }
        if stage == 1, dpd > 30 {
            throw error(line, stageKey, "days_past_due \(Int(dpd)) is over 30, a significant increase in credit risk "
                        + "(IFRS 9 5.5.11): stage 2 or 3 expected, found stage 1")
        }
        if stage < 3, flag == 1 {
            throw error(line, stageKey, "default_flag is set: a defaulted exposure is credit-impaired, stage 3 expected, "
                        + "found stage \(stage)")
        }
        if stage == 3, pd < 1, flag != 1 {
            throw error(line, stageKey, "stage 3 is credit-impaired: expected pd 1 or default_flag 1, found pd \(pd)")
        }
    }

    // MARK: - Cells

    private mutating func readID(_ reader: CSVReader, line: Int) throws(InputError) -> String {
        guard !isBlank(reader.field(idField)) else {
            throw error(line, idField, "expected a non-empty id, found a blank cell")
        }
        let id = reader.string(idField)
        if let first = firstLineOfID.updateValue(line, forKey: id) {
            throw error(line, idField, "duplicate id '\(id)' (first seen on line \(first))")
        }
        return id
    }

    private func readAssetClass(_ reader: CSVReader, line: Int) throws(InputError) -> AssetClass {
        guard let assetClassField else { return .corporate }
        let cell = reader.field(assetClassField)
        if let assetClass = AssetClassNames.match(cell) { return assetClass }
        let name = reader.string(assetClassField).trimmingASCIISpaces()
        guard !name.isEmpty else {
            throw error(line, assetClassField, "expected an asset class (one of \(AssetClass.allNames)), found a blank cell")
        }
        throw error(line, assetClassField, "unknown asset class '\(name)'; expected one of \(AssetClass.allNames)")
    }

    /// EAD as given, or, when the cell is blank, drawn + CCF × undrawn (the undrawn
    /// commitment converted by its credit conversion factor, CRE32.26); CCF is needed
    /// only when an undrawn amount is given.
    private func readEAD(_ reader: CSVReader, line: Int) throws(InputError) -> Double {
        if let ead = try number(reader, eadField, .ead, line: line) { return ead }
        guard let drawn = lastValue(drawnSlot), !drawn.isNaN else {
            throw error(line, eadField, "expected a number, found a blank cell (ead may be blank only when drawn is given)")
        }
        guard let undrawn = lastValue(undrawnSlot), !undrawn.isNaN, undrawn != 0 else { return drawn }
        guard let ccf = lastValue(ccfSlot), !ccf.isNaN else {
            let ccfField = ccfSlot.map { numberFields[$0].field }
            throw error(line, ccfField ?? eadField, "ccf is needed to compute ead from drawn and undrawn, found "
                        + (ccfField == nil ? "no ccf column" : "a blank cell"))
        }
        return drawn + ccf * undrawn
    }

    /// The value just read for this row in an optional numeric column.
    private func lastValue(_ slot: Int?) -> Double? {
        slot.flatMap { numberColumns[$0].last }
    }

    private func required(_ reader: CSVReader, _ field: Int, _ column: PortfolioColumn, line: Int) throws(InputError) -> Double {
        guard let value = try number(reader, field, column, line: line) else {
            throw error(line, field, "expected a number, found a blank cell")
        }
        return value
    }

    /// The cell's value checked against the column's range; nil for a blank cell.
    private func number(_ reader: CSVReader, _ field: Int, _ column: PortfolioColumn, line: Int) throws(InputError) -> Double? {
        switch reader.number(field) {
        case .value(let value):
            let rule = column.rule!
            guard rule.accepts(value) else {
                throw error(line, field, "\(rule.expectation(for: value)), found \(cellText(reader, field))")
            }
            return value
        case .blank:
            return nil
        case .notFinite:
            throw error(line, field, "expected a finite number, found '\(cellText(reader, field))'")
        case .notANumber:
            throw error(line, field, "expected a number, found '\(cellText(reader, field))'")
        }
    }

    // MARK: - Helpers

    private func checkUTF8(_ reader: CSVReader, line: Int) throws(InputError) {
        for index in 0..<reader.fieldCount {
            let field = reader.field(index)
            if let offset = UTF8Validation.firstInvalidOffset(field) {
                throw error(line, index, "not valid UTF-8 (\(UTF8Validation.describeByte(field, at: offset)) at byte \(offset + 1) of the cell); save the file as UTF-8")
            }
        }
    }

    private func cellText(_ reader: CSVReader, _ field: Int) -> String {
        reader.string(field).trimmingASCIISpaces()
    }

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy(NumberParsing.isSpace)
    }

    private func error(_ line: Int, _ field: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, key: header.name(of: field), message: message)
    }
}
