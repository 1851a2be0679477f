/// The facts an agent needs from the customer's own words, found without a model: order and reference
/// numbers, amounts of money, dates and product codes, in English, Spanish and Portuguese.
///
/// Every fact is made of whole tokens as the customer wrote them (`R$ 150,00`, `12 de noviembre`), so a
/// number is never shown in part. Reference words are named in English for the agent (`pedido 1182` is
/// `order 1182`).
public enum KeyFacts {
    /// The facts of `texts` in the order written, each once. `asWritten` keeps the customer's own reference
    /// words (`pedido 1182`), for text that goes back to the customer; otherwise they are named in English.
    public static func extract(from texts: [String], asWritten: Bool = false) -> [String] {
        var facts: [String] = []
        for text in texts {
            for fact in extract(text, asWritten: asWritten) where !facts.contains(fact) { facts.append(fact) }
        }
        return facts
    }

    static func extract(_ text: String, asWritten: Bool = false) -> [String] {
        let tokens = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).map { stripped(String($0)) }
        var facts: [String] = []
        var index = 0
        while index < tokens.count {
            if let (fact, used) = fact(at: index, in: tokens, asWritten: asWritten) {
                facts.append(fact)
                index += used
            } else {
                index += 1
            }
        }
        return facts
    }

    /// The fact starting at `tokens[index]` and how many tokens it takes.
    private static func fact(at index: Int, in tokens: [String], asWritten: Bool) -> (String, Int)? {
        let token = tokens[index]
        let lower = token.lowercased()
        let next: String? = index + 1 < tokens.count ? tokens[index + 1] : nil
        let afterNext: String? = index + 2 < tokens.count ? tokens[index + 2] : nil

        // A reference word, an optional "no."/"#"/"número", then something with a digit.
        if let english = referenceWords[lower], let next {
            let kind = asWritten ? token : english
            if hasDigit(next) { return ("\(kind) \(next)", 2) }
            if fillers.contains(next.lowercased()), let afterNext, hasDigit(afterNext) { return ("\(kind) \(afterNext)", 3) }
        }
        if token.hasPrefix("#"), token.count > 1, hasDigit(token) { return (token, 1) }

        // Money: a symbol joined to or before a number, or a number before a currency word or symbol.
        for symbol in currencySymbols where token.hasPrefix(symbol) {
            let rest = String(token.dropFirst(symbol.count))
            if isNumber(rest) { return (token, 1) }
            if rest.isEmpty, let next, isNumber(next) { return ("\(token) \(next)", 2) }
        }
        if isNumber(token) {
            if let next, currencyWords.contains(next.lowercased()) || currencySymbols.contains(next) { return ("\(token) \(next)", 2) }
            for symbol in currencySymbols where token.hasSuffix(symbol) && isNumber(String(token.dropLast(symbol.count))) {
                return (token, 1)
            }
        } else if let symbol = currencySymbols.first(where: { token.hasSuffix($0) }),
                  isNumber(String(token.dropLast(symbol.count))) {
            return (token, 1)
        }

        // Dates: 2026-11-20, 20/11, 20/11/2026, 20 November, November 20, 20 de noviembre (de 2026).
        if isNumericDate(token) { return (token, 1) }
        if dayNumber(token) != nil, let next {
            if months.contains(next.lowercased()) { return ("\(token) \(next)", 2) }
            if next.lowercased() == "de", let afterNext, months.contains(afterNext.lowercased()) {
                return ("\(token) de \(afterNext)", 3)
            }
        }
        if months.contains(lower), let next, dayNumber(ordinalStripped(next)) != nil {
            return ("\(token) \(next)", 2)
        }

        // Product and model codes: letters and digits together (X200, SKU-4471), not times or ordinals.
        if isCode(token) { return (token, 1) }
        return nil
    }

    static let referenceWords: [String: String] = [
        "order": "order", "pedido": "order", "orden": "order", "encomenda": "order", "compra": "order",
        "invoice": "invoice", "factura": "invoice", "fatura": "invoice", "nota": "invoice",
        "ticket": "ticket", "chamado": "ticket", "case": "case", "caso": "case", "protocolo": "case",
        "tracking": "tracking", "rastreio": "tracking", "seguimiento": "tracking", "guía": "tracking",
        "booking": "booking", "reserva": "booking", "reservation": "booking",
        "account": "account", "cuenta": "account", "conta": "account",
    ]
    static let fillers: Set<String> = ["no", "no.", "nº", "n°", "n.º", "number", "número", "numero", "num", "#", "nr", "nr."]
    static let currencySymbols = ["US$", "R$", "S/", "$", "€", "£", "¥", "₹", "₩"]
    static let currencyWords: Set<String> = [
        "usd", "eur", "gbp", "brl", "mxn", "ars", "cop", "clp", "pen",
        "dollars", "dollar", "dólares", "dolares", "dólar", "euros", "euro", "reais", "real", "pesos", "peso",
        "pounds", "soles",
    ]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
        "octubre", "noviembre", "diciembre",
        "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
    ]

    /// Punctuation around a token dropped: `(order`, `#1182,`, `¿pedido`, `"X200".`
    static func stripped(_ token: String) -> String {
        let leading: Set<Character> = ["\"", "'", "(", "[", "¿", "¡", "“", "‘", "«", "*"]
        let trailing: Set<Character> = [".", ",", ";", ":", "!", "?", ")", "]", "\"", "'", "”", "’", "»", "*"]
        var text = Substring(token)
        while let first = text.first, leading.contains(first) { text = text.dropFirst() }
        while let last = text.last, trailing.contains(last) { text = text.dropLast() }
        return String(text)
    }

    static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }

    static func hasDigit(_ text: String) -> Bool { text.contains(where: isDigit) }

    /// Digits with `.` or `,` between them: `49.99`, `1,234.50`, `150,00`.
    static func isNumber(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, isDigit(first), isDigit(last) else { return false }
        var previousWasSeparator = false
        for character in text {
            if isDigit(character) {
                previousWasSeparator = false
            } else if character == "." || character == "," {
                if previousWasSeparator { return false }
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return true
    }

    /// `2026-11-20` (and with a time after it), `20/11`, `20/11/2026`.
    static func isNumericDate(_ text: String) -> Bool {
        let iso = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2,
           iso.allSatisfy({ $0.allSatisfy(isDigit) }) { return true }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }),
              parts[0].count <= 2, parts[1].count <= 2, let day = Int(parts[0]), let month = Int(parts[1]),
              (1...31).contains(day), (1...31).contains(month) else { return false }
        return parts.count == 2 || parts[2].count == 2 || parts[2].count == 4
    }

    static func dayNumber(_ text: String) -> Int? {
        guard text.count <= 2, text.allSatisfy(isDigit), let day = Int(text), (1...31).contains(day) else { return nil }
        return day
    }

    /// `12th` → `12`; a plain number as it is.
    static func ordinalStripped(_ text: String) -> String {
        for suffix in ["st", "nd", "rd", "th", "º", "°"] where text.lowercased().hasSuffix(suffix) {
            return String(text.dropLast(suffix.count))
        }
        return text
    }

    /// Letters and digits together, at least three characters: `X200`, `SKU-4471`, `A52s`; not `10am`,
    /// `2nd`, `24h`, `3x`.
    static func isCode(_ text: String) -> Bool {
        guard text.count >= 3, text.count <= 40, hasDigit(text),
              text.contains(where: { $0.isLetter }),
              text.allSatisfy({ $0.isLetter || isDigit($0) || $0 == "-" || $0 == "_" }) else { return false }
        let lower = text.lowercased()
        let digits = lower.prefix(while: isDigit)
        let rest = lower.dropFirst(digits.count)
        if !digits.isEmpty, ["st", "nd", "rd", "th", "am", "pm", "h", "hs", "hrs", "min", "mins", "x", "kg", "km", "g",
                              "mb", "gb", "k", "m", "s", "d", "days", "dias", "días"].contains(String(rest)) { return false }
        return true
    }
}
